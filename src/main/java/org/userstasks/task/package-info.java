/**
 * Tasks: the many side, each owned by one user, with their HTTP endpoints.
 */
package org.userstasks.task;
