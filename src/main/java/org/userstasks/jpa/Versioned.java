package org.userstasks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A timestamped entity whose row carries a version: 0 when inserted, one more with every
 * update of the entity's own columns, written by the same statement. Locking the row (for
 * a new child, say) does not change it.
 */
@MappedSuperclass
public abstract class Versioned extends Timestamped {

	@Version
	@Column(nullable = false)
	private long version;

	public long getVersion() {
		return this.version;
	}

}
