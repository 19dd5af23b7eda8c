package org.userstasks.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
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

	@Modifying
	@Query("delete from Task t where t.id = :id")
	int deleteTaskById(long id);

}
