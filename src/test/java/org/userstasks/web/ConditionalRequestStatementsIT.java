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

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
	}

	@Test
	void aGetIsOneStatementWithOrWithoutIfNoneMatch() {
		long task = this.seeds.task(this.alice, "t", false);
		for (String path : new String[] { "/tasks/" + task, "/users/" + this.alice }) {
			String etag = etagOf(path);

			long plain = this.sql.countDuring(() -> assertThat(this.api.get(path)).hasStatusOk());
			long notModified = this.sql.countDuring(() -> assertThat(request(path, HttpHeaders.IF_NONE_MATCH, etag))
				.hasStatus(HttpStatus.NOT_MODIFIED));
			long modified = this.sql
				.countDuring(() -> assertThat(request(path, HttpHeaders.IF_NONE_MATCH, "\"x\"")).hasStatusOk());

			assertThat(plain).as(path).isEqualTo(1);
			assertThat(notModified).as(path).isEqualTo(1);
			assertThat(modified).as(path).isEqualTo(1);
		}
	}

	@Test
	void aPatchIsTheLockAndTheUpdateWithOrWithoutIfMatch() {
		long task = this.seeds.task(this.alice, "t", false);
		String taskPath = "/tasks/" + task;
		String userPath = "/users/" + this.alice;

		long plainTask = this.sql
			.countDuring(() -> assertThat(patch(taskPath, null, "{\"title\":\"a\"}")).hasStatusOk());
		String taskTag = etagOf(taskPath);
		long conditionalTask = this.sql
			.countDuring(() -> assertThat(patch(taskPath, taskTag, "{\"title\":\"b\"}")).hasStatusOk());
		long plainUser = this.sql
			.countDuring(() -> assertThat(patch(userPath, null, "{\"username\":\"a\"}")).hasStatusOk());
		String userTag = etagOf(userPath);
		long conditionalUser = this.sql
			.countDuring(() -> assertThat(patch(userPath, userTag, "{\"username\":\"b\"}")).hasStatusOk());
		long stale = this.sql.countDuring(() -> assertThat(patch(taskPath, taskTag, "{\"title\":\"c\"}"))
			.hasStatus(HttpStatus.PRECONDITION_FAILED));

		assertThat(plainTask).isEqualTo(2);
		assertThat(conditionalTask).isEqualTo(2);
		assertThat(plainUser).isEqualTo(2);
		assertThat(conditionalUser).isEqualTo(2);
		// A refused patch locks the row and writes nothing.
		assertThat(stale).isEqualTo(1);
	}

	@Test
	void aDeleteIsOneStatementWithOrWithoutIfMatchAndAMissTwo() {
		long first = this.seeds.task(this.alice, "first", false);
		long second = this.seeds.task(this.alice, "second", false);
		long bob = this.seeds.user("bob");
		long carol = this.seeds.user("carol");
		this.seeds.tasks(carol, 3);
		String secondTag = etagOf("/tasks/" + second);
		String carolTag = etagOf("/users/" + carol);
		this.api.patch("/tasks/" + first, "{\"title\":\"changed\"}");

		long plainTask = this.sql
			.countDuring(() -> assertThat(this.api.delete("/tasks/" + first)).hasStatus(HttpStatus.NO_CONTENT));
		long conditionalTask = this.sql
			.countDuring(() -> assertThat(delete("/tasks/" + second, secondTag)).hasStatus(HttpStatus.NO_CONTENT));
		long plainUser = this.sql
			.countDuring(() -> assertThat(this.api.delete("/users/" + bob)).hasStatus(HttpStatus.NO_CONTENT));
		long conditionalUser = this.sql
			.countDuring(() -> assertThat(delete("/users/" + carol, carolTag)).hasStatus(HttpStatus.NO_CONTENT));
		long task = this.seeds.task(this.alice, "third", false);
		this.api.patch("/tasks/" + task, "{\"title\":\"changed\"}");
		long missed = this.sql
			.countDuring(() -> assertThat(delete("/tasks/" + task, "\"0\"")).hasStatus(HttpStatus.PRECONDITION_FAILED));

		assertThat(plainTask).isEqualTo(1);
		assertThat(conditionalTask).isEqualTo(1);
		assertThat(plainUser).isEqualTo(1);
		assertThat(conditionalUser).isEqualTo(1);
		assertThat(missed).isEqualTo(2);
		assertThat(this.seeds.count("tasks")).isEqualTo(1);
	}

	private String etagOf(String path) {
		String etag = this.api.get(path).getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).as("ETag of " + path).isNotNull();
		return etag;
	}

	private MvcTestResult request(String path, String header, String value) {
		return this.api.mvc().get().uri(path).header(header, value).exchange();
	}

	private MvcTestResult patch(String path, String ifMatch, String json) {
		var request = this.api.mvc().patch().uri(path).contentType(MediaType.APPLICATION_JSON).content(json);
		return ((ifMatch != null) ? request.header(HttpHeaders.IF_MATCH, ifMatch) : request).exchange();
	}

	private MvcTestResult delete(String path, String ifMatch) {
		return this.api.mvc().delete().uri(path).header(HttpHeaders.IF_MATCH, ifMatch).exchange();
	}

}
