package org.userstasks.task;

/**
 * Who owns a task and at which version its row is: what decides why a conditional delete
 * of it deleted nothing.
 */
record TaskStamp(Long userId, long version) {
}
