package org.userstasks.task;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertInvalid;

/**
 * Titles: required, 1 to 255 characters after trimming, stored trimmed.
 */
@IntegrationTest
class TitleRulesIT {

	private static final String LONGEST = "t".repeat(255);

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private Api asAlice;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
	}

	// Found by fuzzing: a lone surrogate must not be stored as a replacement character.
	@Test
	void refusesATitleWithAnUnpairedSurrogateRatherThanStoreItChanged() {
		assertInvalid(this.asAlice.post("/users/" + this.alice + "/tasks", "{\"title\":\"a\\ud800b\"}"),
				"/users/" + this.alice + "/tasks", "title");
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void storesATitleWithAWholeSurrogatePairAsSent() {
		assertThat(this.asAlice.post("/users/" + this.alice + "/tasks", "{\"title\":\"a\\ud83d\\ude00b\"}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(this.jdbc.queryForObject("select title from tasks", String.class)).isEqualTo("a\ud83d\ude00b");
	}

	@Test
	void storesTheTitleTrimmed() {
		MvcTestResult result = create("{\"title\":\"  Write report \\t\"}");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		long id = Json.body(result).get("id").asLong();
		assertThat(Json.body(result).get("title").asString()).isEqualTo("Write report");
		assertThat(storedTitle(id)).isEqualTo("Write report");
	}

	@Test
	void acceptsOneTo255CharactersAfterTrimming() {
		assertThat(create("{\"title\":\"x\"}")).hasStatus(HttpStatus.CREATED);
		MvcTestResult longest = create("{\"title\":\"   " + LONGEST + "   \"}");

		assertThat(longest).hasStatus(HttpStatus.CREATED);
		assertThat(storedTitle(Json.body(longest).get("id").asLong())).isEqualTo(LONGEST);
	}

	@Test
	void keepsCharactersOutsideAscii() {
		MvcTestResult result = create("{\"title\":\"Café für 2 ✓\"}");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(storedTitle(Json.body(result).get("id").asLong())).isEqualTo("Café für 2 ✓");
	}

	static Stream<String> invalidTitles() {
		return Stream.of("", " ", " \t\n ", LONGEST + "t", "a\u0000b");
	}

	@ParameterizedTest
	@MethodSource("invalidTitles")
	void rejectsABlankOrTooLongTitleAndStoresNothing(String title) {
		assertInvalid(create("{\"title\":" + Json.quote(title) + "}"), "/users/" + this.alice + "/tasks", "title");

		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void requiresATitle() {
		assertInvalid(create("{\"completed\":true}"), "/users/" + this.alice + "/tasks", "title");
		assertInvalid(create("{}"), "/users/" + this.alice + "/tasks", "title");

		assertThat(this.seeds.count("tasks")).isZero();
	}

	@ParameterizedTest
	@MethodSource("invalidTitles")
	void rejectsABlankOrTooLongTitleOnPatch(String title) {
		long id = this.seeds.task(this.alice, "kept", false);

		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"title\":" + Json.quote(title) + "}"), "/tasks/" + id,
				"title");

		assertThat(storedTitle(id)).isEqualTo("kept");
	}

	@Test
	void trimsTheTitleOnPatch() {
		long id = this.seeds.task(this.alice, "draft", false);

		assertThat(this.asAlice.patch("/tasks/" + id, "{\"title\":\"  final  \"}")).hasStatus(HttpStatus.OK);

		assertThat(storedTitle(id)).isEqualTo("final");
	}

	private MvcTestResult create(String body) {
		return this.asAlice.post("/users/" + this.alice + "/tasks", body);
	}

	private String storedTitle(long id) {
		return this.jdbc.queryForObject("select title from tasks where id = ?", String.class, id);
	}

}
