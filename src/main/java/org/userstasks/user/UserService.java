package org.userstasks.user;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class UserService {

	private final UserRepository users;

	private final TasksOfUsers tasks;

	UserService(UserRepository users, TasksOfUsers tasks) {
		this.users = users;
		this.tasks = tasks;
	}

	/**
	 * A page of users, in two statements when their tasks are included: the users, then
	 * the tasks of all of them at once.
	 */
	List<UserView> list(long after, int limit, boolean includeTasks) {
		List<UserRow> rows = this.users.findByIdGreaterThanOrderByIdAsc(after, Limit.of(limit));
		if (!includeTasks) {
			return rows.stream().map(UserView::of).toList();
		}
		Map<Long, List<?>> tasksByUser = tasksOf(rows);
		return rows.stream().map((row) -> UserView.of(row, tasksByUser.getOrDefault(row.id(), List.of()))).toList();
	}

	UserView get(long id, boolean includeTasks) {
		UserRow row = this.users.findRowById(id).orElseThrow(() -> new UserNotFound(id));
		return includeTasks ? UserView.of(row, this.tasks.byUserIdBetween(id, id).getOrDefault(id, List.of()))
				: UserView.of(row);
	}

	@Transactional
	UserView create(String username, String passwordHash) {
		try {
			return UserView.of(this.users.saveAndFlush(new User(username, passwordHash)));
		}
		catch (DataIntegrityViolationException ex) {
			throw new UsernameTaken(username);
		}
	}

	/**
	 * Changes what is given; {@code null} leaves a field as it is.
	 */
	@Transactional
	UserView update(long id, @Nullable String username, @Nullable String passwordHash) {
		User user = this.users.findForUpdateById(id).orElseThrow(() -> new UserNotFound(id));
		if (username != null) {
			user.setUsername(username);
		}
		if (passwordHash != null) {
			user.setPasswordHash(passwordHash);
		}
		try {
			this.users.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw new UsernameTaken(username);
		}
		return UserView.of(user);
	}

	@Transactional
	void delete(long id) {
		if (this.users.deleteUserById(id) == 0) {
			throw new UserNotFound(id);
		}
	}

	private Map<Long, List<?>> tasksOf(List<UserRow> rows) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		// The rows are in id order, so their tasks are those of the range of ids they
		// span (a user created meanwhile inside the range only adds a group nobody asks
		// for).
		return this.tasks.byUserIdBetween(rows.get(0).id(), rows.get(rows.size() - 1).id());
	}

}
