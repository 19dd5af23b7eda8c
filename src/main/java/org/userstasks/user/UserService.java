package org.userstasks.user;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.userstasks.auth.Caller;
import org.userstasks.auth.Tokens;
import org.userstasks.auth.WrongCurrentPassword;
import org.userstasks.jpa.VersionCondition;
import org.userstasks.kernel.VersionMismatch;

@Service
@Transactional(readOnly = true)
class UserService {

	private final UserRepository users;

	private final TasksOfUsers tasks;

	private final Tokens tokens;

	UserService(UserRepository users, TasksOfUsers tasks, Tokens tokens) {
		this.users = users;
		this.tasks = tasks;
		this.tokens = tokens;
	}

	/**
	 * Only user {@code id} may change user {@code id}. The caller's own id needs no
	 * query; for another one, one existence query tells 404 (missing) from 403.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	void requireSelf(Caller caller, long id) {
		if (!caller.is(id)) {
			throw this.users.existsById(id) ? new NotYourAccount(id) : new UserNotFound(id);
		}
	}

	UserCredentials credentials(long id) {
		return this.users.findCredentialsById(id).orElseThrow(() -> new UserNotFound(id));
	}

	/**
	 * A page of users, in one statement; {@link UsersWithTasks} embeds their tasks.
	 */
	List<UserView> list(long after, int limit) {
		return this.users.findByIdGreaterThanOrderByIdAsc(after, Limit.of(limit)).stream().map(UserView::of).toList();
	}

	UserRow get(long id) {
		return this.users.findRowById(id).orElseThrow(() -> new UserNotFound(id));
	}

	UserView getWithTasks(long id) {
		List<Object> tasks = new ArrayList<>();
		UserRow user = get(id);
		this.tasks.readByUserIdBetween(id, id, (cursor) -> cursor.tasksOf(id).forEach(tasks::add));
		return UserView.of(user).withTasks(tasks);
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
	 * replaces. A new password hash replaces {@code checkedHash}, the one the current
	 * password was checked against; if it changed meanwhile, the current password given
	 * is no longer the one in force. A new password revokes the caller's other tokens in
	 * the same transaction.
	 */
	@Transactional
	UserRow update(Caller caller, long id, VersionCondition expected, @Nullable String username,
			@Nullable String passwordHash, @Nullable String checkedHash) {
		User user = this.users.findForUpdateById(id).orElseThrow(() -> new UserNotFound(id));
		// The owner and the current password were checked before the lock (403).
		if (!expected.accepts(user.getVersion())) {
			throw new VersionMismatch("user", id);
		}
		if (username != null) {
			user.setUsername(username);
		}
		if (passwordHash != null) {
			if (!user.getPasswordHash().equals(checkedHash)) {
				throw new WrongCurrentPassword();
			}
			user.setPasswordHash(passwordHash);
		}
		try {
			// Writes the row now, with its next version (when a field did change).
			this.users.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw new UsernameTaken(username);
		}
		if (passwordHash != null) {
			this.tokens.revokeOtherTokens(caller);
		}
		return UserRow.of(user);
	}

	/**
	 * Deletes the user with its tasks and tokens (the database cascades both): one
	 * statement when it succeeds; only a delete that deleted nothing reads the row to say
	 * why.
	 */
	@Transactional
	void delete(Caller caller, long id, VersionCondition expected) {
		requireSelf(caller, id);
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
	 * (404) or its row is at another version (412); that it is not the caller (403) was
	 * judged before. One read of the row decides; without a condition only a missing user
	 * explains the miss.
	 */
	private RuntimeException whyNotDeleted(long id, VersionCondition expected) {
		if (expected.isNone() || this.users.findVersionById(id).isEmpty()) {
			return new UserNotFound(id);
		}
		return new VersionMismatch("user", id);
	}

}
