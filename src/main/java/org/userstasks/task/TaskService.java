package org.userstasks.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.userstasks.auth.Caller;
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

	TaskView get(long id) {
		return this.tasks.findViewById(id).orElseThrow(() -> new TaskNotFound(id));
	}

	/**
	 * Only user {@code userId} adds tasks to user {@code userId}; for another user one
	 * existence query tells 404 (missing) from 403.
	 */
	@Transactional
	TaskView create(Caller caller, long userId, NewTask body) {
		if (!caller.is(userId)) {
			throw this.users.existsById(userId) ? NotYourTask.tasksOf(userId) : new UserNotFound(userId);
		}
		User user = lockUser(userId);
		return TaskView.of(this.tasks.save(new Task(user, body.title(), body.completedOrDefault())));
	}

	/**
	 * Only the owner changes a task, judged on the locked row; a move then hands it to
	 * the target user (404 when missing).
	 */
	@Transactional
	TaskView update(Caller caller, long id, TaskPatch patch) {
		Task task = this.tasks.findForUpdateById(id).orElseThrow(() -> new TaskNotFound(id));
		if (!caller.is(task.getOwnerId())) {
			throw NotYourTask.task(id);
		}
		if (patch.title() != null) {
			task.setTitle(patch.title());
		}
		if (patch.completed() != null) {
			task.setCompleted(patch.completed());
		}
		if (patch.userId() != null && patch.userId() != task.getOwnerId()) {
			task.moveTo(lockUser(patch.userId()));
		}
		this.tasks.flush();
		return TaskView.of(task);
	}

	/**
	 * One statement on success: the delete is scoped to the caller's tasks. Only when it
	 * deletes nothing does one read tell why.
	 */
	@Transactional
	void delete(Caller caller, long id) {
		if (this.tasks.deleteTaskByIdAndOwner(id, caller.id()) == 0) {
			throw whyNotDeleted(caller, id);
		}
	}

	// The agreed place for further reasons (such as a version that does not match), in
	// the order the contract judges them: missing, then not the caller's.
	private RuntimeException whyNotDeleted(Caller caller, long id) {
		return this.tasks.findOwnerIdById(id)
			.<RuntimeException>map((owner) -> NotYourTask.task(id))
			.orElseGet(() -> new TaskNotFound(id));
	}

	private User lockUser(long userId) {
		return this.users.findLockedById(userId).orElseThrow(() -> new UserNotFound(userId));
	}

}
