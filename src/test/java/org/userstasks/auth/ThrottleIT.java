package org.userstasks.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
import org.userstasks.testing.Race;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * Failed sign-ins in a row per username make it wait, longer with each further failure.
 * The waits pass by moving the service's clock, not by sleeping.
 */
@IntegrationTest
class ThrottleIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	SignInFailures failures;

	@BeforeEach
	void seed() {
		this.seeds.user("alice");
	}

	@Test
	void makesTheSixthAttemptWaitEvenWithTheRightPasswordThenLetsItInAndResets() {
		for (int i = 0; i < 5; i++) {
			assertThat(signIn("alice", "wrong-" + i)).as("failure %d", i + 1).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		MvcTestResult sixth = signIn("alice", "wrong-6");
		MvcTestResult right = signIn("alice", Seeds.PASSWORD);

		assertThat(assertProblem(sixth, HttpStatus.TOO_MANY_REQUESTS, "/tokens").get("detail").asString())
			.contains("too many failed sign-ins");
		assertThat(sixth).hasHeader(HttpHeaders.RETRY_AFTER, "1");
		assertProblem(right, HttpStatus.TOO_MANY_REQUESTS, "/tokens");
		assertThat(right).hasHeader(HttpHeaders.RETRY_AFTER, "1");
		assertThat(failuresOf("alice")).as("a refused attempt does not count").isEqualTo(5);

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(signIn("alice", Seeds.PASSWORD)).hasStatus(HttpStatus.OK);
		assertThat(failuresOf("alice")).as("reset by the success").isZero();
		assertThat(signIn("alice", "wrong-again")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(signIn("alice", Seeds.PASSWORD)).as("one failure is free again").hasStatus(HttpStatus.OK);
	}

	@Test
	void doublesTheWaitWithEachFurtherFailureUpToFifteenMinutes() {
		failTimes("alice", 5);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(signIn("alice", "sixth")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(signIn("alice", "refused")).hasHeader(HttpHeaders.RETRY_AFTER, "2");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(signIn("alice", "seventh")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(signIn("alice", "refused")).hasHeader(HttpHeaders.RETRY_AFTER, "4");

		this.jdbc.update("update sign_in_failures set failures = 40 where username_key = 'alice'");

		assertThat(signIn("alice", Seeds.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader(HttpHeaders.RETRY_AFTER, "900");
	}

	@Test
	void roundsTheWaitUpToWholeSeconds() {
		Instant last = this.clock.instant().minusMillis(500);
		this.jdbc.update(
				"insert into sign_in_failures (username_key, failures, last_failure_at) values ('alice', 6, ?)",
				last.atOffset(ZoneOffset.UTC));

		// 2 s after the sixth failure, 0.5 s of it gone: 1.5 s left.
		assertThat(signIn("alice", Seeds.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader(HttpHeaders.RETRY_AFTER, "2");
	}

	@Test
	void throttlesAUsernameIgnoringCaseWhetherOrNotItExists() {
		signIn("Alice", "wrong-1");
		signIn("ALICE", "wrong-2");
		signIn("alice", "wrong-3");
		signIn("aLiCe", "wrong-4");
		signIn("alicE", "wrong-5");
		assertThat(signIn("ALICE", Seeds.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

		failTimes("nobody", 5);
		assertThat(signIn("Nobody", "anything")).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader(HttpHeaders.RETRY_AFTER, "1");
		assertThat(signIn("bob", "anything")).as("another username").hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aWrongCurrentPasswordCountsTowardsTheWait() {
		long bob = this.seeds.user("bob");
		String token = this.seeds.token(bob);
		failTimes("bob", 4);

		assertThat(this.api.as(token)
			.patch("/users/" + bob, "{\"password\":\"new-password\",\"currentPassword\":\"wrong-password\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult whileWaiting = this.api.as(token)
			.patch("/users/" + bob,
					"{\"password\":\"new-password\",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}");

		assertProblem(whileWaiting, HttpStatus.TOO_MANY_REQUESTS, "/users/" + bob);
		assertThat(whileWaiting).hasHeader(HttpHeaders.RETRY_AFTER, "1");
		assertThat(this.seeds.passwordHash(bob)).isEqualTo(Seeds.PASSWORD_HASH);
	}

	@Test
	void countsConcurrentFailuresOfOneUsernameEachOnce() {
		int racers = 24;

		Race.run(racers, (i) -> () -> {
			this.failures.add("racing", this.clock.instant());
			return null;
		});

		assertThat(failuresOf("racing")).isEqualTo(racers);
	}

	@Test
	void forgetsFailuresADayOld() {
		failTimes("alice", 5);
		this.jdbc.update("insert into sign_in_failures (username_key, failures, last_failure_at) values ('bob', 9, ?)",
				this.clock.instant().minus(Duration.ofDays(1)).minusSeconds(1).atOffset(ZoneOffset.UTC));

		assertThat(this.failures.deleteOlderThan(this.clock.instant().minus(Duration.ofDays(1)), 10)).isOne();
		assertThat(failuresOf("bob")).isZero();
		assertThat(failuresOf("alice")).isEqualTo(5);
	}

	private void failTimes(String username, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(signIn(username, "wrong-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
		}
	}

	private int failuresOf(String key) {
		List<Integer> row = this.jdbc.queryForList("select failures from sign_in_failures where username_key = ?",
				Integer.class, key);
		return row.isEmpty() ? 0 : row.get(0);
	}

	private MvcTestResult signIn(String username, String password) {
		return this.api.post("/tokens",
				"{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}");
	}

}
