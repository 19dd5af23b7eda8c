package org.userstasks.user;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
	void seed() {
		this.alice = this.seeds.user("alice");
		this.path = "/users/" + this.alice;
		this.asAlice = this.api.as(this.seeds.token(this.alice));
	}

	@Test
	void aUserAndTheAnswersToItsCreationAndChangesCarryAStrongETag() {
		MvcTestResult created = this.api.post("/users", "{\"username\":\"bob\",\"password\":\"password1\"}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(Api.etag(created)).matches(STRONG_TAG)
			.isEqualTo(this.asAlice.etagOf("/users/" + Json.body(created).get("id")));

		MvcTestResult patched = this.asAlice.patch(this.path, "{\"username\":\"alicia\"}");
		assertThat(patched).hasStatusOk();
		assertThat(Api.etag(patched)).matches(STRONG_TAG).isEqualTo(this.asAlice.etagOf(this.path));
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
		String current = this.asAlice.etagOf(this.path);

		MvcTestResult result = this.asAlice
			.signed(this.api.mvc().get().uri(this.path + "?include=tasks").header(HttpHeaders.IF_NONE_MATCH, current))
			.exchange();

		assertThat(result).hasStatusOk().doesNotContainHeader(HttpHeaders.ETAG);
		assertThat(result).bodyJson().extractingPath("$.tasks").asArray().isNotNull();
	}

	@Test
	void tasksCreatedChangedMovedOrDeletedLeaveTheUsersETag() {
		long bob = this.seeds.user("bob");
		String before = this.asAlice.etagOf(this.path);
		String bobBefore = this.asAlice.etagOf("/users/" + bob);
		Map<String, Object> row = row();

		Api asBob = this.api.as(this.seeds.token(bob));

		long task = this.api.createTask(this.alice, "first");
		this.api.createTask(this.alice, "second");
		assertThat(this.asAlice.patch("/tasks/" + task, "{\"title\":\"changed\",\"completed\":true}")).hasStatusOk();
		assertThat(this.asAlice.patch("/tasks/" + task, "{\"userId\":" + bob + "}")).hasStatusOk();
		assertThat(asBob.patch("/tasks/" + task, "{\"userId\":" + this.alice + "}")).hasStatusOk();
		assertThat(this.asAlice.delete("/tasks/" + task)).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(this.asAlice.etagOf(this.path)).isEqualTo(before);
		assertThat(this.asAlice.etagOf("/users/" + bob)).isEqualTo(bobBefore);
		assertThat(row()).isEqualTo(row);
	}

	@Test
	void theETagChangesWithTheUsernameAndWithThePassword() {
		String first = this.asAlice.etagOf(this.path);
		String updatedAt = Json.body(this.asAlice.get(this.path)).get("updatedAt").asString();

		String renamed = Api.etag(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}"));
		String recased = Api.etag(this.asAlice.patch(this.path, "{\"username\":\"Alicia\"}"));
		MvcTestResult passwordChanged = this.asAlice.patch(this.path,
				"{\"password\":\"another-secret\",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}");

		assertThat(passwordChanged).hasStatusOk();
		assertThat(List.of(first, renamed, recased, Api.etag(passwordChanged))).doesNotHaveDuplicates();
		assertThat(passwordChanged).bodyJson().extractingPath("$.updatedAt").asString().isNotEqualTo(updatedAt);
		assertThat(this.asAlice.etagOf(this.path)).isEqualTo(Api.etag(passwordChanged));
	}

	@Test
	void aPatchThatChangesNothingKeepsTheETag() {
		String before = this.asAlice.etagOf(this.path);
		Map<String, Object> row = row();

		for (String body : new String[] { "{}", "{\"username\":\"alice\"}", "{\"username\":\" alice \"}" }) {
			MvcTestResult result = this.asAlice.patch(this.path, body);
			assertThat(result).as(body).hasStatusOk();
			assertThat(Api.etag(result)).as(body).isEqualTo(before);
		}
		assertThat(row()).isEqualTo(row);
	}

	@Test
	void ifNoneMatchWithTheCurrentETagIsANotModifiedWithoutABody() {
		String current = this.asAlice.etagOf(this.path);

		for (String held : new String[] { current, "W/" + current, "*", "\"x\", " + current }) {
			MvcTestResult result = getWith(held);

			assertThat(result).as(held).hasStatus(HttpStatus.NOT_MODIFIED);
			assertThat(result.getResponse().getContentAsByteArray()).as(held).isEmpty();
			assertThat(Api.etag(result)).as(held).isEqualTo(current);
		}
	}

	@Test
	void ifNoneMatchWithAnOldETagGetsTheUserWithItsNewETag() {
		String old = this.asAlice.etagOf(this.path);
		String changed = Api.etag(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}"));

		MvcTestResult result = getWith(old);

		assertThat(result).hasStatusOk();
		assertThat(Api.etag(result)).isEqualTo(changed).isNotEqualTo(old);
		assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("alicia");
		assertThat(getWith(changed)).hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aStaleIfMatchOnAPatchIsAPreconditionFailureThatChangesNothing() {
		String stale = this.asAlice.etagOf(this.path);
		assertThat(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}")).hasStatusOk();
		Map<String, Object> before = row();

		MvcTestResult result = this.asAlice.ifMatch(stale)
			.patch(this.path, "{\"username\":\"mallory\",\"password\":\"another-secret\",\"currentPassword\":"
					+ Json.quote(Seeds.PASSWORD) + "}");

		ProblemAssertions.assertProblem(result, HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("user " + this.alice, "If-Match");
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void aStaleIfMatchOnADeleteIsAPreconditionFailureThatDeletesNeitherUserNorTasks() {
		this.seeds.tasks(this.alice, 3);
		String stale = this.asAlice.etagOf(this.path);
		assertThat(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}")).hasStatusOk();
		Map<String, Object> before = row();

		ProblemAssertions.assertProblem(this.asAlice.ifMatch(stale).delete(this.path), HttpStatus.PRECONDITION_FAILED,
				this.path);

		assertThat(row()).isEqualTo(before);
		assertThat(this.seeds.taskIds(this.alice)).hasSize(3);
	}

	@Test
	void theCurrentETagLetsAPatchAndADeleteThrough() {
		this.seeds.tasks(this.alice, 3);

		MvcTestResult patched = this.asAlice.ifMatch(this.asAlice.etagOf(this.path))
			.patch(this.path, "{\"username\":\"alicia\"}");
		assertThat(patched).hasStatusOk();
		assertThat(row().get("username")).isEqualTo("alicia");

		assertThat(this.asAlice.ifMatch(Api.etag(patched)).delete(this.path)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.seeds.count("users")).isZero();
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void ifMatchStarAListOrAWeakTag() {
		String stale = this.asAlice.etagOf(this.path);
		String current = Api.etag(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}"));

		assertThat(this.asAlice.ifMatch("*").patch(this.path, "{\"username\":\"alice2\"}")).hasStatusOk();
		current = this.asAlice.etagOf(this.path);
		assertThat(this.asAlice.ifMatch(stale + ", " + current).patch(this.path, "{\"username\":\"alice3\"}"))
			.hasStatusOk();
		current = this.asAlice.etagOf(this.path);
		ProblemAssertions.assertProblem(
				this.asAlice.ifMatch("W/" + current).patch(this.path, "{\"username\":\"weak\"}"),
				HttpStatus.PRECONDITION_FAILED, this.path);
		ProblemAssertions.assertProblem(this.asAlice.ifMatch("W/" + current).delete(this.path),
				HttpStatus.PRECONDITION_FAILED, this.path);
		ProblemAssertions.assertProblem(this.asAlice.ifMatch(stale + ", \"x\"").delete(this.path),
				HttpStatus.PRECONDITION_FAILED, this.path);
		assertThat(row().get("username")).isEqualTo("alice3");
		assertThat(this.asAlice.ifMatch("\"x\", " + current).delete(this.path)).hasStatus(HttpStatus.NO_CONTENT);
		// Alice's tokens went with her: another signed-in user asks after her.
		Api asBob = this.api.as(this.seeds.token(this.seeds.user("bob")));
		ProblemAssertions.assertProblem(asBob.ifMatch("*").delete(this.path), HttpStatus.NOT_FOUND, this.path);
	}

	@Test
	void aMalformedConditionIsABadRequestThatChangesNothing() {
		Map<String, Object> before = row();

		for (String malformed : new String[] { "1", "\"1", "\"1\" \"2\"", "*,*" }) {
			ProblemAssertions.assertProblem(this.asAlice.ifMatch(malformed).patch(this.path, "{\"username\":\"x\"}"),
					HttpStatus.BAD_REQUEST, this.path);
			ProblemAssertions.assertProblem(this.asAlice.ifMatch(malformed).delete(this.path), HttpStatus.BAD_REQUEST,
					this.path);
			ProblemAssertions.assertProblem(getWith(malformed), HttpStatus.BAD_REQUEST, this.path);
		}
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void requestsAreJudgedInTheContractsOrder() {
		long taken = this.seeds.user("taken");
		Api asTaken = this.api.as(this.seeds.token(taken));
		String stale = this.asAlice.etagOf(this.path);
		assertThat(this.asAlice.patch(this.path, "{\"username\":\"alicia\"}")).hasStatusOk();
		String missing = "/users/" + (this.alice + 1000);

		// 401 before 400
		assertThat(this.api.ifMatch("1").delete(this.path)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.ifMatch(stale).patch(this.path, "{\"username\":\"\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
		// 400 before 404
		ProblemAssertions.assertProblem(this.asAlice.ifMatch("1").delete(missing), HttpStatus.BAD_REQUEST, missing);
		ProblemAssertions.assertInvalid(this.asAlice.ifMatch(stale).patch(missing, "{\"username\":\"\"}"), missing,
				"username");
		// 400 before 403
		ProblemAssertions.assertProblem(asTaken.ifMatch("1").delete(this.path), HttpStatus.BAD_REQUEST, this.path);
		// 404 before 403 and 412
		ProblemAssertions.assertProblem(this.asAlice.ifMatch(stale).patch(missing, "{}"), HttpStatus.NOT_FOUND,
				missing);
		ProblemAssertions.assertProblem(this.asAlice.ifMatch(stale).delete(missing), HttpStatus.NOT_FOUND, missing);
		ProblemAssertions.assertProblem(asTaken.ifMatch(stale).delete(missing), HttpStatus.NOT_FOUND, missing);
		// 403 before 412 and 409
		ProblemAssertions.assertProblem(asTaken.ifMatch(stale).patch(this.path, "{\"username\":\"TAKEN\"}"),
				HttpStatus.FORBIDDEN, this.path);
		ProblemAssertions.assertProblem(asTaken.ifMatch(stale).delete(this.path), HttpStatus.FORBIDDEN, this.path);
		// 412 before 409
		ProblemAssertions.assertProblem(this.asAlice.ifMatch(stale).patch(this.path, "{\"username\":\"TAKEN\"}"),
				HttpStatus.PRECONDITION_FAILED, this.path);
		ProblemAssertions.assertProblem(
				this.asAlice.ifMatch(this.asAlice.etagOf(this.path)).patch(this.path, "{\"username\":\"TAKEN\"}"),
				HttpStatus.CONFLICT, this.path);
		assertThat(row().get("username")).isEqualTo("alicia");
	}

	private Map<String, Object> row() {
		return this.jdbc.queryForMap(
				"select username, password_hash, created_at, updated_at, version from users where id = ?", this.alice);
	}

	private MvcTestResult getWith(String ifNoneMatch) {
		return this.asAlice.withHeader(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).get(this.path);
	}

}
