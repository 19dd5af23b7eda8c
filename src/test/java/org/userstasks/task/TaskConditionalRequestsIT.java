package org.userstasks.task;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.ProblemAssertions;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ETag, If-None-Match and If-Match on a single task: the tag changes with every change of
 * the task's own fields and only then; a stale If-Match is a 412 that changes nothing.
 */
@IntegrationTest
class TaskConditionalRequestsIT {

	private static final String STRONG_TAG = "\"\\d+\"";

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private long bob;

	private long task;

	private String path;

	private Api asAlice;

	private Api asBob;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
		this.bob = this.seeds.user("bob");
		this.task = this.seeds.task(this.alice, "Write report", false);
		this.path = "/tasks/" + this.task;
		this.asAlice = this.api.as(this.seeds.token(this.alice));
		this.asBob = this.api.as(this.seeds.token(this.bob));
	}

	@Test
	void aTaskAndTheAnswersToItsCreationAndChangesCarryAStrongETag() {
		MvcTestResult created = this.asAlice.post("/users/" + this.alice + "/tasks", "{\"title\":\"new\"}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(etag(created)).matches(STRONG_TAG).isEqualTo(etagOf("/tasks/" + Json.body(created).get("id")));

		MvcTestResult patched = this.asAlice.patch(this.path, "{\"title\":\"changed\"}");
		assertThat(patched).hasStatusOk();
		assertThat(etag(patched)).matches(STRONG_TAG).isEqualTo(etagOf(this.path));
	}

	@Test
	void listsOfTasksCarryNoETag() {
		for (String list : new String[] { "/tasks", "/tasks?userId=" + this.alice, "/users/" + this.alice + "/tasks",
				"/users?include=tasks", "/users/" + this.alice + "?include=tasks" }) {
			MvcTestResult result = this.asAlice.get(list);
			assertThat(result).as(list).hasStatusOk();
			assertThat(result).as(list).doesNotContainHeader(HttpHeaders.ETAG);
		}
	}

	@Test
	void errorsCarryNoETag() {
		assertThat(this.asAlice.get("/tasks/" + (this.task + 1000))).hasStatus(HttpStatus.NOT_FOUND)
			.doesNotContainHeader(HttpHeaders.ETAG);
		assertThat(this.asAlice.patch(this.path, "{\"title\":\"\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.doesNotContainHeader(HttpHeaders.ETAG);
	}

	@Test
	void theETagChangesWithEveryChangeOfTheTasksOwnFields() {
		String first = etagOf(this.path);
		assertThat(etagOf(this.path)).as("read again").isEqualTo(first);

		String retitled = etag(this.asAlice.patch(this.path, "{\"title\":\"retitled\"}"));
		String completed = etag(this.asAlice.patch(this.path, "{\"completed\":true}"));
		String moved = etag(this.asAlice.patch(this.path, "{\"userId\":" + this.bob + "}"));
		// Bob owns the task once it is his.
		String both = etag(this.asBob.patch(this.path, "{\"title\":\"again\",\"completed\":false}"));

		assertThat(java.util.List.of(first, retitled, completed, moved, both)).doesNotHaveDuplicates();
		assertThat(etagOf(this.path)).isEqualTo(both);
	}

	@Test
	void aPatchThatChangesNothingKeepsTheETag() {
		String before = etagOf(this.path);
		String updatedAt = Json.body(this.asAlice.get(this.path)).get("updatedAt").asString();

		for (String body : new String[] { "{}", "{\"title\":\"Write report\"}", "{\"completed\":false}",
				"{\"userId\":" + this.alice + "}", "{\"title\":\"  Write report \"}" }) {
			MvcTestResult result = this.asAlice.patch(this.path, body);
			assertThat(result).as(body).hasStatusOk();
			assertThat(etag(result)).as(body).isEqualTo(before);
		}

		assertThat(etagOf(this.path)).isEqualTo(before);
		assertThat(Json.body(this.asAlice.get(this.path)).get("updatedAt").asString()).isEqualTo(updatedAt);
	}

	@Test
	void changesOfOtherTasksOrOfTheOwnerLeaveTheETag() {
		String before = etagOf(this.path);
		long other = this.api.createTask(this.alice, "other");

		assertThat(this.asAlice.patch("/tasks/" + other, "{\"title\":\"other changed\"}")).hasStatusOk();
		assertThat(this.asAlice.patch("/tasks/" + other, "{\"userId\":" + this.bob + "}")).hasStatusOk();
		assertThat(this.asAlice.patch("/users/" + this.alice, "{\"username\":\"alice2\"}")).hasStatusOk();
		assertThat(this.asBob.delete("/tasks/" + other)).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(etagOf(this.path)).isEqualTo(before);
	}

	@Test
	void ifNoneMatchWithTheCurrentETagIsANotModifiedWithoutABody() {
		String current = etagOf(this.path);
		String number = current.substring(1, current.length() - 1);

		for (String held : new String[] { current, "W/" + current, "*", "\"x\", " + current,
				"\"x\",W/\"" + number + "\"" }) {
			MvcTestResult result = getWith(HttpHeaders.IF_NONE_MATCH, held);

			assertThat(result).as(held).hasStatus(HttpStatus.NOT_MODIFIED);
			assertThat(result.getResponse().getContentAsByteArray()).as(held).isEmpty();
			assertThat(etag(result)).as(held).isEqualTo(current);
		}
	}

	@Test
	void ifNoneMatchWithAnOldETagGetsTheTaskWithItsNewETag() {
		String old = etagOf(this.path);
		String changed = etag(this.asAlice.patch(this.path, "{\"title\":\"changed\"}"));

		MvcTestResult result = getWith(HttpHeaders.IF_NONE_MATCH, old);

		assertThat(result).hasStatusOk();
		assertThat(etag(result)).isEqualTo(changed).isNotEqualTo(old);
		assertThat(Json.body(result).get("title").asString()).isEqualTo("changed");
		assertThat(getWith(HttpHeaders.IF_NONE_MATCH, changed)).hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aStaleIfMatchOnAPatchIsAPreconditionFailureThatChangesNothing() {
		String stale = etagOf(this.path);
		this.asAlice.patch(this.path, "{\"completed\":true}");
		Map<String, Object> before = row();

		MvcTestResult result = patchWith(stale, "{\"title\":\"lost update\",\"userId\":" + this.bob + "}");

		ProblemAssertions.assertProblem(result, HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(Json.body(result).get("detail").asString()).contains("task " + this.task, "If-Match");
		assertThat(result).doesNotContainHeader(HttpHeaders.ETAG);
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void aStaleIfMatchOnADeleteIsAPreconditionFailureThatDeletesNothing() {
		String stale = etagOf(this.path);
		this.asAlice.patch(this.path, "{\"completed\":true}");
		Map<String, Object> before = row();

		MvcTestResult result = deleteWith(stale);

		ProblemAssertions.assertProblem(result, HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void theCurrentETagLetsAPatchAndADeleteThrough() {
		MvcTestResult patched = patchWith(etagOf(this.path), "{\"title\":\"mine\"}");
		assertThat(patched).hasStatusOk();
		assertThat(Json.body(patched).get("title").asString()).isEqualTo("mine");
		assertThat(row().get("title")).isEqualTo("mine");

		assertThat(deleteWith(etag(patched))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void ifMatchStarAcceptsAnyVersionOfATaskThatExists() {
		this.asAlice.patch(this.path, "{\"title\":\"changed\"}");

		assertThat(patchWith("*", "{\"completed\":true}")).hasStatusOk();
		assertThat(deleteWith("*")).hasStatus(HttpStatus.NO_CONTENT);
		ProblemAssertions.assertProblem(deleteWith("*"), HttpStatus.NOT_FOUND, this.path);
		ProblemAssertions.assertProblem(patchWith("*", "{}"), HttpStatus.NOT_FOUND, this.path);
	}

	@Test
	void aListInIfMatchSucceedsWhenOneOfItsTagsIsCurrent() {
		String stale = etagOf(this.path);
		String current = etag(this.asAlice.patch(this.path, "{\"title\":\"changed\"}"));

		assertThat(patchWith("\"abc\", " + stale + " ,, " + current, "{\"completed\":true}")).hasStatusOk();
		ProblemAssertions.assertProblem(patchWith("\"abc\", " + stale + ", " + current, "{\"completed\":false}"),
				HttpStatus.PRECONDITION_FAILED, this.path);
		String latest = etagOf(this.path);
		ProblemAssertions.assertProblem(deleteWith(stale + ", \"abc\""), HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(deleteWith(stale + ", " + latest)).hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void severalIfMatchFieldLinesFormOneList() {
		String stale = etagOf(this.path);
		String current = etag(this.asAlice.patch(this.path, "{\"title\":\"changed\"}"));

		MvcTestResult result = this.asAlice
			.signed(this.api.mvc()
				.patch()
				.uri(this.path)
				.header(HttpHeaders.IF_MATCH, stale)
				.header(HttpHeaders.IF_MATCH, current)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"completed\":true}"))
			.exchange();

		assertThat(result).hasStatusOk();
	}

	@Test
	void aWeakTagNeverMatchesIfMatch() {
		String weak = "W/" + etagOf(this.path);
		Map<String, Object> before = row();

		ProblemAssertions.assertProblem(patchWith(weak, "{\"title\":\"weak\"}"), HttpStatus.PRECONDITION_FAILED,
				this.path);
		ProblemAssertions.assertProblem(deleteWith(weak), HttpStatus.PRECONDITION_FAILED, this.path);
		ProblemAssertions.assertProblem(patchWith("\"\"", "{}"), HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void aMalformedConditionIsABadRequestThatChangesNothing() {
		Map<String, Object> before = row();
		String current = etagOf(this.path);
		String unquoted = current.substring(1, current.length() - 1);

		for (String malformed : new String[] { unquoted, "undefined", "*, " + current, current + " " + current,
				"w/" + current, "\"open" }) {
			ProblemAssertions.assertProblem(patchWith(malformed, "{\"title\":\"x\"}"), HttpStatus.BAD_REQUEST,
					this.path);
			ProblemAssertions.assertProblem(deleteWith(malformed), HttpStatus.BAD_REQUEST, this.path);
			ProblemAssertions.assertProblem(getWith(HttpHeaders.IF_NONE_MATCH, malformed), HttpStatus.BAD_REQUEST,
					this.path);
		}
		assertThat(Json.body(deleteWith("3")).get("detail").asString()).startsWith("If-Match must be");
		assertThat(Json.body(getWith(HttpHeaders.IF_NONE_MATCH, "3")).get("detail").asString())
			.startsWith("If-None-Match must be");
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void requestsAreJudgedInTheContractsOrder() {
		String stale = etagOf(this.path);
		this.asAlice.patch(this.path, "{\"completed\":true}");
		String missing = "/tasks/" + (this.task + 1000);

		// 401 before 400
		assertThat(deleteWithOn(this.api, this.path, "3")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(patchWithOn(this.api, this.path, stale, "{\"title\":\"\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
		// 400 (header or body) before 404
		ProblemAssertions.assertProblem(deleteWithOn(missing, "3"), HttpStatus.BAD_REQUEST, missing);
		ProblemAssertions.assertInvalid(patchWithOn(missing, stale, "{\"title\":\"\"}"), missing, "title");
		// 400 before 403
		ProblemAssertions.assertInvalid(patchWithOn(this.asBob, this.path, stale, "{\"title\":\"\"}"), this.path,
				"title");
		// 404 before 403 and 412
		ProblemAssertions.assertProblem(patchWithOn(missing, stale, "{}"), HttpStatus.NOT_FOUND, missing);
		ProblemAssertions.assertProblem(deleteWithOn(missing, stale), HttpStatus.NOT_FOUND, missing);
		ProblemAssertions.assertProblem(deleteWithOn(this.asBob, missing, stale), HttpStatus.NOT_FOUND, missing);
		// 403 before a missing target user of a move and 412
		ProblemAssertions.assertProblem(
				patchWithOn(this.asBob, this.path, stale, "{\"userId\":" + (this.bob + 1000) + "}"),
				HttpStatus.FORBIDDEN, this.path);
		ProblemAssertions.assertProblem(deleteWithOn(this.asBob, this.path, stale), HttpStatus.FORBIDDEN, this.path);
		// a missing target user of a move (404) before 412
		ProblemAssertions.assertProblem(patchWith(stale, "{\"userId\":" + (this.bob + 1000) + "}"),
				HttpStatus.NOT_FOUND, this.path);
		// 412
		ProblemAssertions.assertProblem(patchWith(stale, "{\"userId\":" + this.bob + "}"),
				HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(row().get("user_id")).isEqualTo(this.alice);
	}

	private Map<String, Object> row() {
		return this.jdbc.queryForMap("select title, completed, user_id, updated_at, version from tasks where id = ?",
				this.task);
	}

	private String etagOf(String path) {
		MvcTestResult result = this.asAlice.get(path);
		assertThat(result).hasStatusOk();
		return etag(result);
	}

	private static String etag(MvcTestResult result) {
		String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).as("ETag").isNotNull();
		return etag;
	}

	private MvcTestResult getWith(String header, String value) {
		return this.asAlice.signed(this.api.mvc().get().uri(this.path).header(header, value)).exchange();
	}

	private MvcTestResult patchWith(String ifMatch, String json) {
		return patchWithOn(this.path, ifMatch, json);
	}

	private MvcTestResult patchWithOn(String path, String ifMatch, String json) {
		return patchWithOn(this.asAlice, path, ifMatch, json);
	}

	private MvcTestResult patchWithOn(Api as, String path, String ifMatch, String json) {
		return as
			.signed(this.api.mvc()
				.patch()
				.uri(path)
				.header(HttpHeaders.IF_MATCH, ifMatch)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.exchange();
	}

	private MvcTestResult deleteWith(String ifMatch) {
		return deleteWithOn(this.path, ifMatch);
	}

	private MvcTestResult deleteWithOn(String path, String ifMatch) {
		return deleteWithOn(this.asAlice, path, ifMatch);
	}

	private MvcTestResult deleteWithOn(Api as, String path, String ifMatch) {
		return as.signed(this.api.mvc().delete().uri(path).header(HttpHeaders.IF_MATCH, ifMatch)).exchange();
	}

}
