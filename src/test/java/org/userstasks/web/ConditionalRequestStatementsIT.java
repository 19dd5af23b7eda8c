package org.userstasks.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;
import org.userstasks.testing.SqlStatements.Statements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions cost no statement on the way to a success: a GET answers 304 from the one
 * read it makes anyway, a PATCH compares the version on the row it locks, a DELETE adds
 * the version to its one statement. Only a DELETE that misses reads the row to say why.
 */
@IntegrationTest
class ConditionalRequestStatementsIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	SqlStatements sql;

	private long alice;

	// Seeded outside every counted block: each signed-in request adds the token lookup.
	private Api asAlice;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
	}

	@Test
	void aGetIsOneSelectWithOrWithoutIfNoneMatch() {
		long task = this.seeds.task(this.alice, "t", false);
		for (String path : new String[] { "/tasks/" + task, "/users/" + this.alice }) {
			String etag = etagOf(path);

			Statements plain = this.sql.during(() -> assertThat(this.asAlice.get(path)).hasStatusOk());
			Statements notModified = this.sql.during(
					() -> assertThat(get(path, HttpHeaders.IF_NONE_MATCH, etag)).hasStatus(HttpStatus.NOT_MODIFIED));
			Statements modified = this.sql
				.during(() -> assertThat(get(path, HttpHeaders.IF_NONE_MATCH, "\"x\"")).hasStatusOk());

			for (Statements statements : new Statements[] { plain, notModified, modified }) {
				assertThat(statements.total()).as("%s %s", path, statements.sql()).isEqualTo(1 + 1);
				assertThat(statements.selects()).as("%s %s", path, statements.sql()).isEqualTo(1 + 1);
			}
		}
	}

	@Test
	void aPatchIsTheLockAndOneUpdateWithOrWithoutIfMatch() {
		long task = this.seeds.task(this.alice, "t", false);
		String taskPath = "/tasks/" + task;
		String userPath = "/users/" + this.alice;

		Statements plainTask = this.sql
			.during(() -> assertThat(patch(taskPath, null, "{\"title\":\"a\"}")).hasStatusOk());
		String taskTag = etagOf(taskPath);
		Statements conditionalTask = this.sql
			.during(() -> assertThat(patch(taskPath, taskTag, "{\"title\":\"b\"}")).hasStatusOk());
		Statements plainUser = this.sql
			.during(() -> assertThat(patch(userPath, null, "{\"username\":\"a\"}")).hasStatusOk());
		String userTag = etagOf(userPath);
		Statements conditionalUser = this.sql
			.during(() -> assertThat(patch(userPath, userTag, "{\"username\":\"b\"}")).hasStatusOk());
		Statements refused = this.sql.during(() -> assertThat(patch(taskPath, taskTag, "{\"title\":\"c\"}"))
			.hasStatus(HttpStatus.PRECONDITION_FAILED));

		for (Statements statements : new Statements[] { plainTask, conditionalTask, plainUser, conditionalUser }) {
			assertThat(statements.total()).as("%s", statements.sql()).isEqualTo(1 + 2);
			assertThat(statements.selects()).as("%s", statements.sql()).isEqualTo(1 + 1);
			assertThat(statements.updates()).as("%s", statements.sql()).isEqualTo(1);
			// After the token lookup, the lock.
			assertThat(statements.sql().get(1)).containsPattern("(?i) for (no key )?update");
		}
		// A refused patch locks the row and writes nothing.
		assertThat(refused.total()).as("%s", refused.sql()).isEqualTo(1 + 1);
		assertThat(refused.selects()).as("%s", refused.sql()).isEqualTo(1 + 1);
	}

	@Test
	void aDeleteIsOneStatementWithOrWithoutIfMatchAndAMissAddsOneRead() {
		long first = this.seeds.task(this.alice, "first", false);
		long second = this.seeds.task(this.alice, "second", false);
		long bob = this.seeds.user("bob");
		long carol = this.seeds.user("carol");
		this.seeds.tasks(carol, 3);
		String secondTag = etagOf("/tasks/" + second);
		String carolTag = etagOf("/users/" + carol);
		Api asBob = this.api.as(this.seeds.token(bob));
		Api asCarol = this.api.as(this.seeds.token(carol));

		Statements plainTask = this.sql
			.during(() -> assertThat(this.asAlice.delete("/tasks/" + first)).hasStatus(HttpStatus.NO_CONTENT));
		Statements conditionalTask = this.sql.during(
				() -> assertThat(delete(this.asAlice, "/tasks/" + second, secondTag)).hasStatus(HttpStatus.NO_CONTENT));
		Statements plainUser = this.sql
			.during(() -> assertThat(asBob.delete("/users/" + bob)).hasStatus(HttpStatus.NO_CONTENT));
		Statements conditionalUser = this.sql
			.during(() -> assertThat(delete(asCarol, "/users/" + carol, carolTag)).hasStatus(HttpStatus.NO_CONTENT));
		long third = this.seeds.task(this.alice, "third", false);
		assertThat(this.asAlice.patch("/tasks/" + third, "{\"title\":\"changed\"}")).hasStatusOk();
		Statements missed = this.sql.during(() -> assertThat(delete(this.asAlice, "/tasks/" + third, "\"0\""))
			.hasStatus(HttpStatus.PRECONDITION_FAILED));

		for (Statements statements : new Statements[] { plainTask, conditionalTask, plainUser, conditionalUser }) {
			assertThat(statements.total()).as("%s", statements.sql()).isEqualTo(1 + 1);
			assertThat(statements.selects()).as("%s", statements.sql()).isEqualTo(1);
			assertThat(statements.deletes()).as("%s", statements.sql()).isEqualTo(1);
		}
		// After the token lookup, the one delete.
		assertThat(conditionalTask.sql().get(1)).containsIgnoringCase("version");
		assertThat(conditionalUser.sql().get(1)).containsIgnoringCase("version");
		assertThat(missed.total()).as("%s", missed.sql()).isEqualTo(1 + 2);
		assertThat(missed.deletes()).as("%s", missed.sql()).isEqualTo(1);
		assertThat(missed.selects()).as("%s", missed.sql()).isEqualTo(1 + 1);
		assertThat(this.seeds.count("tasks")).isEqualTo(1);
	}

	private String etagOf(String path) {
		String etag = this.asAlice.get(path).getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).as("ETag of " + path).isNotNull();
		return etag;
	}

	private MvcTestResult get(String path, String header, String value) {
		return this.asAlice.signed(this.api.mvc().get().uri(path).header(header, value)).exchange();
	}

	private MvcTestResult patch(String path, String ifMatch, String json) {
		var request = this.api.mvc().patch().uri(path).contentType(MediaType.APPLICATION_JSON).content(json);
		return this.asAlice.signed((ifMatch != null) ? request.header(HttpHeaders.IF_MATCH, ifMatch) : request)
			.exchange();
	}

	private MvcTestResult delete(Api as, String path, String ifMatch) {
		return as.signed(this.api.mvc().delete().uri(path).header(HttpHeaders.IF_MATCH, ifMatch)).exchange();
	}

}
