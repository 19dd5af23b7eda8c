package org.userstasks.user;

import java.util.ArrayList;
import java.util.List;

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
	 * A page of users, in one statement; {@link UsersWithTasks} embeds their tasks.
	 */
	List<UserView> list(long after, int limit) {
		return this.users.findByIdGreaterThanOrderByIdAsc(after, Limit.of(limit)).stream().map(UserView::of).toList();
	}

	UserView get(long id, boolean includeTasks) {
		UserView user = UserView.of(this.users.findRowById(id).orElseThrow(() -> new UserNotFound(id)));
		if (!includeTasks) {
			return user;
		}
		List<Object> tasks = new ArrayList<>();
		this.tasks.readByUserIdBetween(id, id, (cursor) -> cursor.tasksOf(id).forEach(tasks::add));
		return user.withTasks(tasks);
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

}
