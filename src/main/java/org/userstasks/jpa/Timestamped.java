package org.userstasks.jpa;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.jspecify.annotations.Nullable;

/**
 * An entity with {@code created_at} and {@code updated_at}, set when it is inserted and
 * when it is updated.
 */
@MappedSuperclass
public abstract class Timestamped {

	@Column(name = "created_at", nullable = false, updatable = false)
	private @Nullable Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private @Nullable Instant updatedAt;

	@PrePersist
	void onCreate() {
		this.createdAt = now();
		this.updatedAt = this.createdAt;
	}

	@PreUpdate
	void onUpdate() {
		this.updatedAt = now();
	}

	// The API shows milliseconds; storing the same precision keeps a response and a
	// later read of the same row identical.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	// Null only before the entity is first saved.
	public @Nullable Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
