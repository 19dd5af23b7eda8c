/**
 * The web page at {@code /}: its static files, and the headers that keep them to what
 * they need.
 */
@NullMarked
package org.userstasks.page;

import org.jspecify.annotations.NullMarked;
