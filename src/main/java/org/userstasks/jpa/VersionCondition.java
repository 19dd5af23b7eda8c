package org.userstasks.jpa;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The versions of a row a write may change, as the caller last saw them: any version (no
 * condition), or one of a set. An empty set accepts no version at all.
 */
public final class VersionCondition {

	private static final VersionCondition NONE = new VersionCondition(null);

	private final @Nullable Set<Long> versions;

	private VersionCondition(@Nullable Set<Long> versions) {
		this.versions = versions;
	}

	/**
	 * Any version will do: the write proceeds as it would without a condition.
	 */
	public static VersionCondition none() {
		return NONE;
	}

	public static VersionCondition oneOf(Set<Long> versions) {
		return new VersionCondition(Set.copyOf(versions));
	}

	public boolean isNone() {
		return this.versions == null;
	}

	/**
	 * The accepted versions; only meaningful when there is a condition.
	 */
	public Set<Long> versions() {
		return (this.versions != null) ? this.versions : Set.of();
	}

	public boolean accepts(long version) {
		return this.versions == null || this.versions.contains(version);
	}

	@Override
	public String toString() {
		return (this.versions == null) ? "any version" : "one of versions " + this.versions;
	}

}
