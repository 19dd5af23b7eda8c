package org.userstasks.task;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The task representation, also read directly by queries (no entity loaded).
 */
@Schema(name = "Task")
public record TaskView(Long id, String title, boolean completed, Long userId, Instant createdAt, Instant updatedAt) {
}
