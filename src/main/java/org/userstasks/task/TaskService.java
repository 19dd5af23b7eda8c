package org.userstasks.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	@Transactional
	TaskView create(long userId, NewTask body) {
		User user = lockUser(userId);
		return TaskView.of(this.tasks.save(new Task(user, body.title(), body.completedOrDefault())));
	}

	@Transactional
	TaskView update(long id, TaskPatch patch) {
		Task task = this.tasks.findForUpdateById(id).orElseThrow(() -> new TaskNotFound(id));
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

	@Transactional
	void delete(long id) {
		if (this.tasks.deleteTaskById(id) == 0) {
			throw new TaskNotFound(id);
		}
	}

	private User lockUser(long userId) {
		return this.users.findLockedById(userId).orElseThrow(() -> new UserNotFound(userId));
	}

}
