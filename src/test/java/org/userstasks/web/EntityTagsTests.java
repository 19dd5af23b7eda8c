package org.userstasks.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * If-Match and If-None-Match values as RFC 9110 writes them, and the two comparisons.
 */
class EntityTagsTests {

	private static EntityTags parse(String value) {
		return EntityTags.parse("If-Match", value).orElseThrow();
	}

	@Test
	void writesARevisionAsAStrongTag() {
		assertThat(EntityTags.of(0)).isEqualTo("\"0\"");
		assertThat(EntityTags.of(42)).isEqualTo("\"42\"");
	}

	@Test
	void anAbsentFieldIsEmpty() {
		assertThat(EntityTags.parse("If-None-Match", null)).isEmpty();
	}

	@Test
	void aStrongTagMatchesItselfBothWays() {
		EntityTags tags = parse("\"7\"");

		assertThat(tags.isAny()).isFalse();
		assertThat(tags.matchesStrongly("\"7\"")).isTrue();
		assertThat(tags.matchesWeakly("\"7\"")).isTrue();
		assertThat(tags.matchesStrongly("\"8\"")).isFalse();
		assertThat(tags.matchesWeakly("\"8\"")).isFalse();
		assertThat(tags.strongRevisions()).containsExactly(7L);
	}

	@Test
	void aWeakTagMatchesOnlyWeakly() {
		EntityTags tags = parse("W/\"7\"");

		assertThat(tags.matchesStrongly("\"7\"")).isFalse();
		assertThat(tags.matchesWeakly("\"7\"")).isTrue();
		assertThat(tags.strongRevisions()).isEmpty();
	}

	@Test
	void theOpaquePartIsComparedExactly() {
		EntityTags tags = parse("\"07\", \"A\"");

		assertThat(tags.matchesStrongly("\"7\"")).isFalse();
		assertThat(tags.matchesWeakly("\"7\"")).isFalse();
		assertThat(tags.matchesStrongly("\"a\"")).isFalse();
		assertThat(tags.matchesStrongly("\"A\"")).isTrue();
	}

	@Test
	void aStarMatchesAnyTagAndNamesNoRevision() {
		EntityTags tags = parse(" \t* ");

		assertThat(tags.isAny()).isTrue();
		assertThat(tags.matchesStrongly("\"1\"")).isTrue();
		assertThat(tags.matchesWeakly("\"99\"")).isTrue();
		assertThat(tags.strongRevisions()).isEmpty();
	}

	@Test
	void aListMatchesWhenAnyOfItsTagsDoes() {
		EntityTags tags = parse(" \"1\" ,, W/\"2\",\t\"3\" , ");

		assertThat(tags.toString()).isEqualTo("\"1\", W/\"2\", \"3\"");
		assertThat(tags.matchesStrongly("\"3\"")).isTrue();
		assertThat(tags.matchesStrongly("\"2\"")).isFalse();
		assertThat(tags.matchesWeakly("\"2\"")).isTrue();
		assertThat(tags.matchesWeakly("\"4\"")).isFalse();
		assertThat(tags.strongRevisions()).containsExactly(1L, 3L);
	}

	@Test
	void anEmptyListMatchesNothing() {
		for (String value : new String[] { "", " ", ",", " , ," }) {
			EntityTags tags = parse(value);

			assertThat(tags.isAny()).as(value).isFalse();
			assertThat(tags.matchesStrongly("\"1\"")).as(value).isFalse();
			assertThat(tags.matchesWeakly("\"1\"")).as(value).isFalse();
		}
	}

	@Test
	void tagsThisServiceNeverIssuesNameNoRevision() {
		EntityTags tags = parse("\"abc\", \"007\", \"-1\", \"\", \"99999999999999999999\", \"1.0\"");

		assertThat(tags.strongRevisions()).isEmpty();
		assertThat(tags.matchesStrongly("\"abc\"")).isTrue();
		assertThat(tags.matchesStrongly("\"\"")).isTrue();
	}

	@Test
	void tagsMayHoldAnyVisibleCharacterButAQuote() {
		EntityTags tags = parse("\"a,b\", \"!#~\u00e9\"");

		assertThat(tags.matchesStrongly("\"a,b\"")).isTrue();
		assertThat(tags.matchesStrongly("\"!#~\u00e9\"")).isTrue();
		assertThat(tags.matchesStrongly("\"a\"")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7", "\"7", "7\"", "\"7\"\"8\"", "\"7\" \"8\"", "w/\"7\"", "W/7", "W/ \"7\"", "W/",
			"*, \"7\"", "\"7\", *", "**", "\"a b\"", "\"a\tb\"", "\"a\u0001\"", "\"a\u007f\"", "\"\u0100\"", "\"7\";",
			"undefined", "null" })
	void anythingElseIsMalformed(String value) {
		assertThatExceptionOfType(MalformedHeader.class).isThrownBy(() -> EntityTags.parse("If-Match", value))
			.withMessageStartingWith("If-Match must be * or a comma-separated list of entity tags");
	}

	@Test
	void theErrorNamesTheFieldButNeverRepeatsTheValue() {
		assertThatExceptionOfType(MalformedHeader.class)
			.isThrownBy(() -> EntityTags.parse("If-None-Match", "\"abc\" secret-value"))
			.withMessageStartingWith("If-None-Match must be")
			.withMessageNotContaining("secret-value");
	}

}
