package org.userstasks.user;

import java.util.List;
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
 * ETag, If-None-Match and If-Match on a single user: the tag follows the user's own
 * fields (username, password, timestamps), not its tasks; a stale If-Match is a 412 that
 * changes nothing.
 */
@IntegrationTest
class UserConditionalRequestsIT {

	private static final String STRONG_TAG = "\"\\d+\"";

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private String path;

	private Api asAlice;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
		this.path = "/users/" + this.alice;
		this.asAlice = this.api.as(this.seeds.token(this.alice));
	}

	@Test
	void aUserAndTheAnswersToItsCreationAndChangesCarryAStrongETag() {
		MvcTestResult created = this.api.post("/users", "{\"username\":\"bob\",\"password\":\"password1\"}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(etag(created)).matches(STRONG_TAG).isEqualTo(etagOf("/users/" + Json.body(created).get("id")));

		MvcTestResult patched = this.asAlice.patch(this.path, "{\"username\":\"alicia\"}");
		assertThat(patched).hasStatusOk();
		assertThat(etag(patched)).matches(STRONG_TAG).isEqualTo(etagOf(this.path));
	}

	@Test
	void listsAndTheUserWithItsTasksCarryNoETag() {
		this.seeds.task(this.alice, "a task", false);

		for (String uri : new String[] { "/users", "/users?include=tasks", this.path + "?include=tasks" }) {
			MvcTestResult result = this.asAlice.get(uri);
			assertThat(result).as(uri).hasStatusOk();
			assertThat(result).as(uri).doesNotContainHeader(HttpHeaders.ETAG);
		}
	}

	@Test
	void ifNoneMatchDoesNotApplyToTheUserWithItsTasks() {
		String current = etagOf(this.path);

		MvcTestResult result = this.asAlice
			.signed(this.api.mvc().get().uri(this.path + "?include=tasks").header(HttpHeaders.IF_NONE_MATCH, current))
			.exchange();

		assertThat(result).hasStatusOk().doesNotContainHeader(HttpHeaders.ETAG);
		assertThat(Json.body(result).get("tasks").isArray()).isTrue();
	}

	@Test
	void tasksCreatedChangedMovedOrDeletedLeaveTheUsersETag() {
		long bob = this.seeds.user("bob");
		String before = etagOf(this.path);
		String bobBefore = etagOf("/users/" + bob);
		Map<String, Object> row = row();

		Api asBob = this.api.as(this.seeds.token(bob));

		long task = this.api.createTask(this.alice, "first");
		this.api.createTask(this.alice, "second");
		assertThat(this.asAlice.patch("/tasks/" + task, "{\"title\":\"changed\",\"completed\":true}")).hasStatusOk();
		assertThat(this.asAlice.patch("/tasks/" + task, "{\"userId\":" + bob + "}")).hasStatusOk();
		assertThat(asBob.patch("/tasks/" + task, "{\"userId\":" + this.alice + "}")).hasStatusOk();
		assertThat(this.asAlice.delete("/tasks/" + task)).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(etagOf(this.path)).isEqualTo(before);
		assertThat(etagOf("/users/" + bob)).isEqualTo(bobBefore);
		assertThat(row()).isEqualTo(row);
	}

	@Test
	void theETagChangesWithTheUsernameAndWithThePassword() {
		String first = etagOf(this.path);
		String updatedAt = Json.body(this.asAlice.get(this.path)).get("updatedAt").asString();

		String renamed = etag(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}"));
		String recased = etag(this.asAlice.patch(this.path, "{\"username\":\"Alicia\"}"));
		MvcTestResult passwordChanged = this.asAlice.patch(this.path,
				"{\"password\":\"another-secret\",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}");

		assertThat(passwordChanged).hasStatusOk();
		assertThat(List.of(first, renamed, recased, etag(passwordChanged))).doesNotHaveDuplicates();
		assertThat(Json.body(passwordChanged).get("updatedAt").asString()).isNotEqualTo(updatedAt);
		assertThat(etagOf(this.path)).isEqualTo(etag(passwordChanged));
	}

	@Test
	void aPatchThatChangesNothingKeepsTheETag() {
		String before = etagOf(this.path);
		Map<String, Object> row = row();

		for (String body : new String[] { "{}", "{\"username\":\"alice\"}", "{\"username\":\" alice \"}" }) {
			MvcTestResult result = this.asAlice.patch(this.path, body);
			assertThat(result).as(body).hasStatusOk();
			assertThat(etag(result)).as(body).isEqualTo(before);
		}
		assertThat(row()).isEqualTo(row);
	}

	@Test
	void ifNoneMatchWithTheCurrentETagIsANotModifiedWithoutABody() {
		String current = etagOf(this.path);

		for (String held : new String[] { current, "W/" + current, "*", "\"x\", " + current }) {
			MvcTestResult result = getWith(held);

			assertThat(result).as(held).hasStatus(HttpStatus.NOT_MODIFIED);
			assertThat(result.getResponse().getContentAsByteArray()).as(held).isEmpty();
			assertThat(etag(result)).as(held).isEqualTo(current);
		}
	}

	@Test
	void ifNoneMatchWithAnOldETagGetsTheUserWithItsNewETag() {
		String old = etagOf(this.path);
		String changed = etag(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}"));

		MvcTestResult result = getWith(old);

		assertThat(result).hasStatusOk();
		assertThat(etag(result)).isEqualTo(changed).isNotEqualTo(old);
		assertThat(Json.body(result).get("username").asString()).isEqualTo("alicia");
		assertThat(getWith(changed)).hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aStaleIfMatchOnAPatchIsAPreconditionFailureThatChangesNothing() {
		String stale = etagOf(this.path);
		assertThat(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}")).hasStatusOk();
		Map<String, Object> before = row();

		MvcTestResult result = patchWith(stale, "{\"username\":\"mallory\",\"password\":\"another-secret\","
				+ "\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}");

		ProblemAssertions.assertProblem(result, HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(Json.body(result).get("detail").asString()).contains("user " + this.alice, "If-Match");
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void aStaleIfMatchOnADeleteIsAPreconditionFailureThatDeletesNeitherUserNorTasks() {
		this.seeds.tasks(this.alice, 3);
		String stale = etagOf(this.path);
		assertThat(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}")).hasStatusOk();
		Map<String, Object> before = row();

		ProblemAssertions.assertProblem(deleteWith(stale), HttpStatus.PRECONDITION_FAILED, this.path);

		assertThat(row()).isEqualTo(before);
		assertThat(this.seeds.taskIds(this.alice)).hasSize(3);
	}

	@Test
	void theCurrentETagLetsAPatchAndADeleteThrough() {
		this.seeds.tasks(this.alice, 3);

		MvcTestResult patched = patchWith(etagOf(this.path), "{\"username\":\"alicia\"}");
		assertThat(patched).hasStatusOk();
		assertThat(row().get("username")).isEqualTo("alicia");

		assertThat(deleteWith(etag(patched))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.seeds.count("users")).isZero();
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void ifMatchStarAListOrAWeakTag() {
		String stale = etagOf(this.path);
		String current = etag(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}"));

		assertThat(patchWith("*", "{\"username\":\"alice2\"}")).hasStatusOk();
		current = etagOf(this.path);
		assertThat(patchWith(stale + ", " + current, "{\"username\":\"alice3\"}")).hasStatusOk();
		current = etagOf(this.path);
		ProblemAssertions.assertProblem(patchWith("W/" + current, "{\"username\":\"weak\"}"),
				HttpStatus.PRECONDITION_FAILED, this.path);
		ProblemAssertions.assertProblem(deleteWith("W/" + current), HttpStatus.PRECONDITION_FAILED, this.path);
		ProblemAssertions.assertProblem(deleteWith(stale + ", \"x\""), HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(row().get("username")).isEqualTo("alice3");
		assertThat(deleteWith("\"x\", " + current)).hasStatus(HttpStatus.NO_CONTENT);
		// Alice's tokens went with her: another signed-in user asks after her.
		Api asBob = this.api.as(this.seeds.token(this.seeds.user("bob")));
		ProblemAssertions.assertProblem(deleteWithOn(asBob, this.path, "*"), HttpStatus.NOT_FOUND, this.path);
	}

	@Test
	void aMalformedConditionIsABadRequestThatChangesNothing() {
		Map<String, Object> before = row();

		for (String malformed : new String[] { "1", "\"1", "\"1\" \"2\"", "*,*" }) {
			ProblemAssertions.assertProblem(patchWith(malformed, "{\"username\":\"x\"}"), HttpStatus.BAD_REQUEST,
					this.path);
			ProblemAssertions.assertProblem(deleteWith(malformed), HttpStatus.BAD_REQUEST, this.path);
			ProblemAssertions.assertProblem(getWith(malformed), HttpStatus.BAD_REQUEST, this.path);
		}
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void requestsAreJudgedInTheContractsOrder() {
		long taken = this.seeds.user("taken");
		Api asTaken = this.api.as(this.seeds.token(taken));
		String stale = etagOf(this.path);
		assertThat(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}")).hasStatusOk();
		String missing = "/users/" + (this.alice + 1000);

		// 401 before 400
		assertThat(deleteWithOn(this.api, this.path, "1")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(patchWithOn(this.api, this.path, stale, "{\"username\":\"\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
		// 400 before 404
		ProblemAssertions.assertProblem(deleteWithOn(missing, "1"), HttpStatus.BAD_REQUEST, missing);
		ProblemAssertions.assertInvalid(patchWithOn(missing, stale, "{\"username\":\"\"}"), missing, "username");
		// 400 before 403
		ProblemAssertions.assertProblem(deleteWithOn(asTaken, this.path, "1"), HttpStatus.BAD_REQUEST, this.path);
		// 404 before 403 and 412
		ProblemAssertions.assertProblem(patchWithOn(missing, stale, "{}"), HttpStatus.NOT_FOUND, missing);
		ProblemAssertions.assertProblem(deleteWithOn(missing, stale), HttpStatus.NOT_FOUND, missing);
		ProblemAssertions.assertProblem(deleteWithOn(asTaken, missing, stale), HttpStatus.NOT_FOUND, missing);
		// 403 before 412 and 409
		ProblemAssertions.assertProblem(patchWithOn(asTaken, this.path, stale, "{\"username\":\"TAKEN\"}"),
				HttpStatus.FORBIDDEN, this.path);
		ProblemAssertions.assertProblem(deleteWithOn(asTaken, this.path, stale), HttpStatus.FORBIDDEN, this.path);
		// 412 before 409
		ProblemAssertions.assertProblem(patchWith(stale, "{\"username\":\"TAKEN\"}"), HttpStatus.PRECONDITION_FAILED,
				this.path);
		ProblemAssertions.assertProblem(patchWith(etagOf(this.path), "{\"username\":\"TAKEN\"}"), HttpStatus.CONFLICT,
				this.path);
		assertThat(row().get("username")).isEqualTo("alicia");
	}

	private Map<String, Object> row() {
		return this.jdbc.queryForMap(
				"select username, password_hash, created_at, updated_at, version from users where id = ?", this.alice);
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

	private MvcTestResult getWith(String ifNoneMatch) {
		return this.asAlice.signed(this.api.mvc().get().uri(this.path).header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch))
			.exchange();
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
