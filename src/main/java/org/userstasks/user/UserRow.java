package org.userstasks.user;

import java.time.Instant;

/**
 * A user as read for a response, without loading the entity.
 */
public record UserRow(Long id, String username, Instant createdAt, Instant updatedAt) {
}
