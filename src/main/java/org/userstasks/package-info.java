/**
 * Users and their tasks: a one-to-many REST service.
 */
@NullMarked
package org.userstasks;

import org.jspecify.annotations.NullMarked;
