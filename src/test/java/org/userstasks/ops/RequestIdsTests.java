package org.userstasks.ops;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@Test
	void generatesDistinctVersion4Uuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = RequestIds.generate();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(RequestIds.isWellFormed(id)).isTrue();
			ids.add(id);
		}
		assertThat(ids).hasSize(1000);
	}

	@Test
	void acceptsOnlyShortIdsOfSafeCharacters() {
		assertThat(RequestIds.isWellFormed("a")).isTrue();
		assertThat(RequestIds.isWellFormed("Az09._-")).isTrue();
		assertThat(RequestIds.isWellFormed("x".repeat(64))).isTrue();
		assertThat(RequestIds.isWellFormed("x".repeat(65))).isFalse();
		assertThat(RequestIds.isWellFormed("")).isFalse();
		assertThat(RequestIds.isWellFormed(null)).isFalse();
		assertThat(RequestIds.isWellFormed("a b")).isFalse();
		assertThat(RequestIds.isWellFormed("a\nb")).isFalse();
		assertThat(RequestIds.isWellFormed("é")).isFalse();
	}

}
