package org.userstasks.user;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.userstasks.jpa.VersionCondition;
import org.userstasks.kernel.VersionMismatch;

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

	UserRow get(long id) {
		return this.users.findRowById(id).orElseThrow(() -> new UserNotFound(id));
	}

	UserView getWithTasks(long id) {
		return UserView.of(get(id), this.tasks.byUserIdBetween(id, id).getOrDefault(id, List.of()));
	}

	@Transactional
	UserRow create(String username, String passwordHash) {
		try {
			return UserRow.of(this.users.saveAndFlush(new User(username, passwordHash)));
		}
		catch (DataIntegrityViolationException ex) {
			throw new UsernameTaken(username);
		}
	}

	/**
	 * Changes what is given ({@code null} leaves a field as it is), on the user's row
	 * locked until the transaction ends, so the version compared is the one the change
	 * replaces.
	 */
	@Transactional
	UserRow update(long id, VersionCondition expected, @Nullable String username, @Nullable String passwordHash) {
		User user = this.users.findForUpdateById(id).orElseThrow(() -> new UserNotFound(id));
		// The owner and current-password checks (403) belong here: after 404, before 412.
		if (!expected.accepts(user.getVersion())) {
			throw new VersionMismatch("user", id);
		}
		if (username != null) {
			user.setUsername(username);
		}
		if (passwordHash != null) {
			user.setPasswordHash(passwordHash);
		}
		try {
			// Writes the row now, with its next version (when a field did change).
			this.users.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw new UsernameTaken(username);
		}
		return UserRow.of(user);
	}

	/**
	 * One statement when it succeeds (the database deletes the tasks); only a delete that
	 * deleted nothing reads the row to say why.
	 */
	@Transactional
	void delete(long id, VersionCondition expected) {
		int deleted;
		if (expected.isNone()) {
			deleted = this.users.deleteUserById(id);
		}
		else {
			deleted = expected.versions().isEmpty() ? 0
					: this.users.deleteUserByIdAndVersionIn(id, expected.versions());
		}
		if (deleted == 0) {
			throw whyNotDeleted(id, expected);
		}
	}

	/**
	 * Why a delete of the user deleted nothing, in the order of judgement: it is missing
	 * (404), it is not the caller (403), its row is at another version (412). One read of
	 * the row decides; without a condition only a missing user explains the miss.
	 */
	private RuntimeException whyNotDeleted(long id, VersionCondition expected) {
		if (expected.isNone() || this.users.findVersionById(id).isEmpty()) {
			return new UserNotFound(id);
		}
		// The owner check (403) goes here.
		return new VersionMismatch("user", id);
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
