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
	 * The tasks of every user whose id is in a range, in one statement: a keyset page of
	 * users is such a range. Unlike an {@code in} list, whose length varies, the query
	 * has one shape, so Hibernate translates it once. Ordered by user, then id: the order
	 * of the index on (user_id, id), so the database reads the index range and never
	 * sorts, however deep the page.
	 */
	List<TaskView> findByUserIdBetweenOrderByUserIdAscIdAsc(long firstUserId, long lastUserId);

	Optional<TaskRow> findRowById(long id);

	Optional<TaskStamp> findStampById(long id);

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

	/**
	 * Deletes the task only if its row is at one of these versions, in the same one
	 * statement.
	 */
	@Modifying
	@Query("delete from Task t where t.id = :id and t.version in :versions")
	int deleteTaskByIdAndVersionIn(long id, Collection<Long> versions);

}
