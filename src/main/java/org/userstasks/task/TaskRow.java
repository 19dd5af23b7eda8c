package org.userstasks.task;

import java.time.Instant;

/**
 * A task with the version of its row: what a response about this one task is made of,
 * read by a query or taken from the entity just written.
 */
record TaskRow(Long id, String title, boolean completed, Long userId, Instant createdAt, Instant updatedAt,
		long version) {

	static TaskRow of(Task task) {
		return new TaskRow(task.getId(), task.getTitle(), task.isCompleted(), task.getOwnerId(), task.getCreatedAt(),
				task.getUpdatedAt(), task.getVersion());
	}

	TaskView view() {
		return new TaskView(this.id, this.title, this.completed, this.userId, this.createdAt, this.updatedAt);
	}

}
