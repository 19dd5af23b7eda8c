package org.userstasks.task;

import org.userstasks.kernel.Forbidden;

class NotYourTask extends Forbidden {

	private NotYourTask(String message) {
		super(message);
	}

	static NotYourTask task(long id) {
		return new NotYourTask("task " + id + " can be changed only by its owner");
	}

	static NotYourTask tasksOf(long userId) {
		return new NotYourTask("tasks of user " + userId + " can be added only by that user");
	}

}
