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

/**
 * Every query is written out ({@code @Query}) rather than derived from its method name:
 * Spring Data looks derived queries up on each call in a cache behind one lock, and under
 * load the request threads queued on it (monitor waits of over 10 ms in a profile).
 */
public interface TaskRepository extends JpaRepository<Task, Long> {

	@Query("select new org.userstasks.task.TaskRow(t.id, t.title, t.completed, t.userId, t.createdAt, t.updatedAt, t.version) from Task t where t.id = :id")
	Optional<TaskRow> findRowById(long id);

	@Query("select new org.userstasks.task.TaskStamp(t.userId, t.version) from Task t where t.id = :id")
	Optional<TaskStamp> findStampById(long id);

	@Query("select new org.userstasks.task.TaskView(t.id, t.title, t.completed, t.userId, t.createdAt, t.updatedAt) from Task t where t.id > :after order by t.id")
	List<TaskView> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

	@Query("select new org.userstasks.task.TaskView(t.id, t.title, t.completed, t.userId, t.createdAt, t.updatedAt) from Task t where t.completed = :completed and t.id > :after order by t.id")
	List<TaskView> findByCompletedAndIdGreaterThanOrderByIdAsc(boolean completed, long after, Limit limit);

	@Query("select new org.userstasks.task.TaskView(t.id, t.title, t.completed, t.userId, t.createdAt, t.updatedAt) from Task t where t.userId = :userId and t.id > :after order by t.id")
	List<TaskView> findByUserIdAndIdGreaterThanOrderByIdAsc(long userId, long after, Limit limit);

	@Query("select new org.userstasks.task.TaskView(t.id, t.title, t.completed, t.userId, t.createdAt, t.updatedAt) from Task t where t.userId = :userId and t.completed = :completed and t.id > :after order by t.id")
	List<TaskView> findByUserIdAndCompletedAndIdGreaterThanOrderByIdAsc(long userId, boolean completed, long after,
			Limit limit);

	/**
	 * Locks the task until the transaction ends: a concurrent patch or delete of it waits
	 * for this one, instead of making it fail on a vanished row or undo its change.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Task t where t.id = :id")
	Optional<Task> findForUpdateById(long id);

	/**
	 * Deletes the task if {@code ownerId} owns it: on success the ownership check costs
	 * no statement of its own.
	 */
	@Modifying
	@Query("delete from Task t where t.id = :id and t.userId = :ownerId")
	int deleteTaskByIdAndOwner(long id, long ownerId);

	/**
	 * Deletes the task only if {@code ownerId} owns it and its row is at one of these
	 * versions, in the same one statement.
	 */
	@Modifying
	@Query("delete from Task t where t.id = :id and t.userId = :ownerId and t.version in :versions")
	int deleteTaskByIdAndOwnerAndVersionIn(long id, long ownerId, Collection<Long> versions);

}
