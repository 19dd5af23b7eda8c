/**
 * Tasks: the many side, each owned by one user, with their HTTP endpoints.
 */
@NullMarked
package org.userstasks.task;

import org.jspecify.annotations.NullMarked;
