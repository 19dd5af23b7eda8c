/**
 * The web page at {@code /}: its static files, and the headers that keep them to what
 * they need.
 */
package org.userstasks.page;
