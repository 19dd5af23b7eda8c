package org.userstasks.user;

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
 * Every query is written out ({@code @Query}): see {@code TaskRepository}.
 */
public interface UserRepository extends JpaRepository<User, Long> {

	@Query("select new org.userstasks.user.UserRow(u.id, u.username, u.createdAt, u.updatedAt, u.version) from User u where u.id > :after order by u.id")
	List<UserRow> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);

	@Query("select new org.userstasks.user.UserRow(u.id, u.username, u.createdAt, u.updatedAt, u.version) from User u where u.id = :id")
	Optional<UserRow> findRowById(long id);

	@Query("select new org.userstasks.user.UserCredentials(u.username, u.passwordHash) from User u where u.id = :id")
	Optional<UserCredentials> findCredentialsById(long id);

	/**
	 * Locks the user against deletion until the transaction ends, so a task added in it
	 * can never outlive its user (H2 checks foreign keys without locking). The lock is
	 * exclusive, not shared: on PostgreSQL a new share lock does not wait behind a
	 * waiting DELETE, so a steady stream of task creations kept the deletion of their
	 * user waiting for as long as the stream lasted. Exclusive lockers queue in order.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.id = :id")
	Optional<User> findLockedById(long id);

	/**
	 * Locks the user until the transaction ends: a concurrent patch or delete of it waits
	 * for this one, instead of making it fail on a vanished row or undo its change.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.id = :id")
	Optional<User> findForUpdateById(long id);

	// One statement: the database deletes the user's tasks (ON DELETE CASCADE).
	@Modifying
	@Query("delete from User u where u.id = :id")
	int deleteUserById(long id);

	/**
	 * Deletes the user (and so its tasks) only if its row is at one of these versions, in
	 * the same one statement.
	 */
	@Modifying
	@Query("delete from User u where u.id = :id and u.version in :versions")
	int deleteUserByIdAndVersionIn(long id, Collection<Long> versions);

	@Query("select u.version from User u where u.id = :id")
	Optional<Long> findVersionById(long id);

}
