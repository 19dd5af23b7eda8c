package org.userstasks.web;

/**
 * One entry of a problem's {@code errors}: a field (or parameter) and what is wrong with
 * it.
 */
record FieldError(String field, String message) {
}
