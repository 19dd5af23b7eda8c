package org.userstasks.task;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	@Transactional
	TaskRow create(long userId, NewTask body) {
		// The lock keeps the user from being deleted meanwhile; it does not change the
		// user's row, so not its version either.
		User user = lockUser(userId);
		return TaskRow.of(this.tasks.save(new Task(user, body.title(), body.completedOrDefault())));
	}

	/**
	 * Changes what is given, on the task's row locked until the transaction ends, so the
	 * version compared is the one the change replaces: of two writers expecting the same
	 * version, the second finds the first one's.
	 */
	@Transactional
	TaskRow update(long id, VersionCondition expected, TaskPatch patch) {
		Task task = this.tasks.findForUpdateById(id).orElseThrow(() -> new TaskNotFound(id));
		// The owner check (403) belongs here: after 404, before the move target and 412.
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
	 * One statement when it succeeds; only a delete that deleted nothing reads the row to
	 * say why.
	 */
	@Transactional
	void delete(long id, VersionCondition expected) {
		int deleted;
		if (expected.isNone()) {
			deleted = this.tasks.deleteTaskById(id);
		}
		else {
			deleted = expected.versions().isEmpty() ? 0
					: this.tasks.deleteTaskByIdAndVersionIn(id, expected.versions());
		}
		if (deleted == 0) {
			throw whyNotDeleted(id, expected);
		}
	}

	/**
	 * Why a delete of the task deleted nothing, in the order of judgement: it is missing
	 * (404), it is another user's (403), its row is at another version (412). One read of
	 * the row decides; without a condition only a missing task explains the miss.
	 */
	private RuntimeException whyNotDeleted(long id, VersionCondition expected) {
		if (expected.isNone()) {
			return new TaskNotFound(id);
		}
		Optional<TaskStamp> row = this.tasks.findStampById(id);
		if (row.isEmpty()) {
			return new TaskNotFound(id);
		}
		// The owner check (403) compares row.get().userId() here.
		return new VersionMismatch("task", id);
	}

	private User lockUser(long userId) {
		return this.users.findLockedById(userId).orElseThrow(() -> new UserNotFound(userId));
	}

}
