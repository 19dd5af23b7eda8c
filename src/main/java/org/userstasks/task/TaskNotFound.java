package org.userstasks.task;

import org.userstasks.kernel.NotFound;

class TaskNotFound extends NotFound {

	TaskNotFound(long id) {
		super("task " + id + " not found");
	}

}
