package org.userstasks.task;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.userstasks.auth.Caller;
import org.userstasks.jpa.VersionCondition;
import org.userstasks.kernel.VersionMismatch;
import org.userstasks.user.User;
import org.userstasks.user.UserNotFound;
import org.userstasks.user.UserRepository;

@Service
@Transactional(readOnly = true)
class TaskService {

	private final TaskRepository tasks;

	private final UserRepository users;

	TaskService(TaskRepository tasks, UserRepository users) {
		this.tasks = tasks;
		this.users = users;
	}

	/**
	 * A page of tasks; {@code userId} and {@code completed} filter when not null.
	 */
	List<TaskView> list(@Nullable Long userId, @Nullable Boolean completed, long after, int limit) {
		Limit max = Limit.of(limit);
		if (userId == null) {
			return (completed == null) ? this.tasks.findByIdGreaterThanOrderByIdAsc(after, max)
					: this.tasks.findByCompletedAndIdGreaterThanOrderByIdAsc(completed, after, max);
		}
		return (completed == null) ? this.tasks.findByUserIdAndIdGreaterThanOrderByIdAsc(userId, after, max)
				: this.tasks.findByUserIdAndCompletedAndIdGreaterThanOrderByIdAsc(userId, completed, after, max);
	}

	List<TaskView> listOfUser(long userId, @Nullable Boolean completed, long after, int limit) {
		if (!this.users.existsById(userId)) {
			throw new UserNotFound(userId);
		}
		return list(userId, completed, after, limit);
	}

	TaskRow get(long id) {
		return this.tasks.findRowById(id).orElseThrow(() -> new TaskNotFound(id));
	}

	/**
	 * Only user {@code userId} adds tasks to user {@code userId}; for another user one
	 * existence query tells 404 (missing) from 403.
	 */
	@Transactional
	TaskRow create(Caller caller, long userId, NewTask body) {
		if (!caller.is(userId)) {
			throw this.users.existsById(userId) ? NotYourTask.tasksOf(userId) : new UserNotFound(userId);
		}
		// The lock keeps the user from being deleted meanwhile; it does not change the
		// user's row, so not its version either.
		User user = lockUser(userId);
		return TaskRow.of(this.tasks.save(new Task(user, body.title(), body.completedOrDefault())));
	}

	/**
	 * Changes what is given, on the task's row locked until the transaction ends, judged
	 * in the contract's order: missing (404), not the caller's (403), a missing move
	 * target (404), a version other than the one expected (412). The version compared is
	 * the one the change replaces: of two writers expecting the same version, the second
	 * finds the first one's.
	 */
	@Transactional
	TaskRow update(Caller caller, long id, VersionCondition expected, TaskPatch patch) {
		Task task = this.tasks.findForUpdateById(id).orElseThrow(() -> new TaskNotFound(id));
		if (!caller.is(task.getOwnerId())) {
			throw NotYourTask.task(id);
		}
		User target = (patch.userId() != null && patch.userId() != task.getOwnerId()) ? lockUser(patch.userId()) : null;
		if (!expected.accepts(task.getVersion())) {
			throw new VersionMismatch("task", id);
		}
		if (patch.title() != null) {
			task.setTitle(patch.title());
		}
		if (patch.completed() != null) {
			task.setCompleted(patch.completed());
		}
		if (target != null) {
			task.moveTo(target);
		}
		// Writes the row now, with its next version (when a field did change).
		this.tasks.flush();
		return TaskRow.of(task);
	}

	/**
	 * One statement on success: the delete is scoped to the caller's tasks and, with a
	 * condition, to the expected versions. Only when it deletes nothing does one read
	 * tell why.
	 */
	@Transactional
	void delete(Caller caller, long id, VersionCondition expected) {
		int deleted;
		if (expected.isNone()) {
			deleted = this.tasks.deleteTaskByIdAndOwner(id, caller.id());
		}
		else {
			deleted = expected.versions().isEmpty() ? 0
					: this.tasks.deleteTaskByIdAndOwnerAndVersionIn(id, caller.id(), expected.versions());
		}
		if (deleted == 0) {
			throw whyNotDeleted(caller, id);
		}
	}

	/**
	 * Why a delete of the task deleted nothing, in the order of judgement: it is missing
	 * (404), it is another user's (403), its row is at another version (412). One read of
	 * the row decides.
	 */
	private RuntimeException whyNotDeleted(Caller caller, long id) {
		Optional<TaskStamp> row = this.tasks.findStampById(id);
		if (row.isEmpty()) {
			return new TaskNotFound(id);
		}
		if (!caller.is(row.get().userId())) {
			return NotYourTask.task(id);
		}
		return new VersionMismatch("task", id);
	}

	private User lockUser(long userId) {
		return this.users.findLockedById(userId).orElseThrow(() -> new UserNotFound(userId));
	}

}
