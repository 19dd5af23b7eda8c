package org.userstasks.user;

import java.util.List;
import java.util.Map;

/**
 * What {@code include=tasks} needs of tasks: a port that the task module implements, so
 * that {@code user} never imports {@code task} (a task belongs to a user, not the
 * reverse) while a user's representation can still embed its tasks.
 */
public interface TasksOfUsers {

	/**
	 * The representations of the tasks of every user whose id is from {@code firstUserId}
	 * to {@code lastUserId}, grouped by user id, each group in id order: one statement (a
	 * keyset page of users is such a range). Users without tasks have no entry.
	 */
	Map<Long, List<?>> byUserIdBetween(long firstUserId, long lastUserId);

}
