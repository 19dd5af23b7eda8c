package org.userstasks.user;

import java.util.function.Consumer;

/**
 * What {@code include=tasks} needs of tasks: a port that the task module implements, so
 * that {@code user} never imports {@code task} (a task belongs to a user, not the
 * reverse) while a user's representation can still embed its tasks.
 */
public interface TasksOfUsers {

	/**
	 * Reads the tasks of every user whose id is from {@code firstUserId} to
	 * {@code lastUserId} in one statement (a keyset page of users is such a range),
	 * ordered by user id, then task id, and hands them to {@code reader} as they come
	 * from the database: the rows are read forward a few hundred at a time, so what a
	 * page holds is never in memory at once. The cursor is open only while {@code reader}
	 * runs.
	 */
	void readByUserIdBetween(long firstUserId, long lastUserId, Consumer<Cursor> reader);

	/**
	 * Tasks in the order of their users.
	 */
	interface Cursor {

		/**
		 * The representations of the tasks of user {@code userId}, read as they are
		 * iterated (once): ask for users in ascending id order.
		 */
		Iterable<?> tasksOf(long userId);

	}

}
