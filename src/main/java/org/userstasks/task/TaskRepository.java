package org.userstasks.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TaskRepository extends JpaRepository<Task, Long> {

	/**
	 * The tasks of several users in one statement, for {@code include=tasks}.
	 */
	List<TaskView> findByUserIdInOrderByIdAsc(Collection<Long> userIds);

	Optional<TaskView> findViewById(long id);

	List<TaskView> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

	List<TaskView> findByCompletedAndIdGreaterThanOrderByIdAsc(boolean completed, long after, Limit limit);

	List<TaskView> findByUserIdAndIdGreaterThanOrderByIdAsc(long userId, long after, Limit limit);

	List<TaskView> findByUserIdAndCompletedAndIdGreaterThanOrderByIdAsc(long userId, boolean completed, long after,
			Limit limit);

	/**
	 * Locks the task until the transaction ends: a concurrent patch or delete of it waits
	 * for this one, instead of making it fail on a vanished row or undo its change.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Task> findForUpdateById(long id);

	@Modifying
	@Query("delete from Task t where t.id = :id")
	int deleteTaskById(long id);

}
