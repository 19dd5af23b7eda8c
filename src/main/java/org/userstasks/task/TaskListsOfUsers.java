package org.userstasks.task;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.userstasks.user.TasksOfUsers;

/**
 * The tasks that {@code include=tasks} embeds in users, read in one range query.
 */
@Component
class TaskListsOfUsers implements TasksOfUsers {

	private final TaskRepository tasks;

	TaskListsOfUsers(TaskRepository tasks) {
		this.tasks = tasks;
	}

	@Override
	public Map<Long, List<?>> byUserIdBetween(long firstUserId, long lastUserId) {
		return Collections.unmodifiableMap(this.tasks.findByUserIdBetweenOrderByUserIdAscIdAsc(firstUserId, lastUserId)
			.stream()
			.collect(Collectors.groupingBy(TaskView::userId, Collectors.toList())));
	}

}
