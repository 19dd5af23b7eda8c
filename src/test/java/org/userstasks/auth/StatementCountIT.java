package org.userstasks.auth;

import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Authentication costs one statement per request, the token lookup, and owner-only writes
 * check ownership on the rows they read anyway: each success path is the statements it
 * took before sign-in, plus one.
 */
@IntegrationTest
class StatementCountIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	SqlStatements sql;

	@Autowired
	JdbcClient jdbc;

	private long alice;

	private long bob;

	private long task;

	private Api asAlice;

	@BeforeEach
	void seed() {
		// The lookup runs with JdbcClient: only a JDBC-level count sees it.
		assumeTrue(this.sql.countDuring(() -> this.jdbc.sql("select 1").query(Integer.class).single()) == 1,
				"needs SqlStatements to count at the JDBC level");
		this.alice = this.seeds.user("alice");
		this.bob = this.seeds.user("bob");
		this.task = this.seeds.task(this.alice, "of alice", false);
		this.asAlice = this.api.as(this.seeds.token(this.alice));
	}

	@Test
	void readsCostTheLookupAndTheirOwnQueries() {
		assertThat(count(() -> this.asAlice.get("/users"), HttpStatus.OK)).isEqualTo(1 + 1);
		assertThat(count(() -> this.asAlice.get("/users/" + this.bob), HttpStatus.OK)).isEqualTo(1 + 1);
		assertThat(count(() -> this.asAlice.get("/users?include=tasks"), HttpStatus.OK)).isEqualTo(1 + 2);
		assertThat(count(() -> this.asAlice.get("/users/" + this.bob + "/tasks"), HttpStatus.OK)).isEqualTo(1 + 2);
		assertThat(count(() -> this.asAlice.get("/tasks"), HttpStatus.OK)).isEqualTo(1 + 1);
		assertThat(count(() -> this.asAlice.get("/tasks/" + this.task), HttpStatus.OK)).isEqualTo(1 + 1);
	}

	@Test
	void ownerOnlyWritesCheckOwnershipWithoutAStatementOfTheirOwn() {
		assertThat(count(() -> this.asAlice.post("/users/" + this.alice + "/tasks", "{\"title\":\"t\"}"),
				HttpStatus.CREATED))
			.as("lock the user, insert")
			.isEqualTo(1 + 2);
		assertThat(count(() -> this.asAlice.patch("/tasks/" + this.task, "{\"title\":\"changed\"}"), HttpStatus.OK))
			.as("lock the task, update")
			.isEqualTo(1 + 2);
		assertThat(count(() -> this.asAlice.patch("/users/" + this.alice, "{\"username\":\"alicia\"}"), HttpStatus.OK))
			.as("lock the user, update")
			.isEqualTo(1 + 2);
		assertThat(count(() -> this.asAlice.delete("/tasks/" + this.task), HttpStatus.NO_CONTENT))
			.as("one owner-scoped delete")
			.isEqualTo(1 + 1);
		assertThat(count(() -> this.asAlice.delete("/users/" + this.alice), HttpStatus.NO_CONTENT))
			.as("one delete, the database cascades")
			.isEqualTo(1 + 1);
	}

	@Test
	void refusalsOfAnotherUserCostOneReadAtMost() {
		Api asBob = this.api.as(this.seeds.token(this.bob));

		assertThat(count(() -> asBob.patch("/users/" + this.alice, "{\"username\":\"x\"}"), HttpStatus.FORBIDDEN))
			.as("does user {id} exist")
			.isEqualTo(1 + 1);
		assertThat(count(() -> asBob.delete("/tasks/" + this.task), HttpStatus.FORBIDDEN))
			.as("the scoped delete, then why it missed")
			.isEqualTo(1 + 2);
		assertThat(count(() -> this.api.get("/users"), HttpStatus.UNAUTHORIZED)).as("no token: no query").isZero();
		assertThat(count(() -> this.api.as("malformed").get("/users"), HttpStatus.UNAUTHORIZED)).isZero();
	}

	@Test
	void signInAndSignOut() {
		assertThat(count(() -> this.api.post("/tokens",
				"{\"username\":\"alice\",\"password\":" + Json.quote(Seeds.PASSWORD) + "}"), HttpStatus.OK))
			.as("failures of the name, the user, lock the user, insert the token, trim")
			.isEqualTo(5);
		assertThat(count(() -> this.asAlice.delete("/tokens/current"), HttpStatus.NO_CONTENT)).isEqualTo(1 + 1);
	}

	@Test
	void aPasswordChangeChecksTheCurrentOneAndRevokesTheOthers() {
		assertThat(count(
				() -> this.asAlice.patch("/users/" + this.alice,
						"{\"password\":\"a-new-password\",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}"),
				HttpStatus.OK))
			.as("lookup; read the hash; failures of the name; lock, update; revoke the other tokens")
			.isEqualTo(1 + 1 + 1 + 2 + 1);
	}

	private long count(Supplier<MvcTestResult> request, HttpStatus expected) {
		MvcTestResult[] result = new MvcTestResult[1];
		long statements = this.sql.countDuring(() -> result[0] = request.get());
		assertThat(result[0]).hasStatus(expected);
		return statements;
	}

}
