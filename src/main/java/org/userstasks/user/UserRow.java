package org.userstasks.user;

import java.time.Instant;

/**
 * A user as read for a response, without loading the entity, with the version of its row.
 */
public record UserRow(Long id, String username, Instant createdAt, Instant updatedAt, long version) {

	static UserRow of(User user) {
		return new UserRow(user.getId(), user.getUsername(), user.getCreatedAt(), user.getUpdatedAt(),
				user.getVersion());
	}

}
