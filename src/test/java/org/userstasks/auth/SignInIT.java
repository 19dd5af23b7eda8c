package org.userstasks.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertInvalid;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * {@code POST /tokens} and {@code DELETE /tokens/current}, and what a token is.
 */
@IntegrationTest
class SignInIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	TokenCleanup cleanup;

	@Autowired
	ApplicationContext context;

	private long alice;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("Alice");
	}

	@Test
	void issuesARandomTokenThatIsStoredOnlyAsItsHash() {
		MvcTestResult result = signIn("alice", Seeds.PASSWORD);

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType("application/json");
		assertThat(result).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		JsonNode token = Json.body(result);
		assertThat(Json.names(token)).containsExactly("accessToken", "tokenType", "expiresIn", "userId");
		assertThat(token.get("accessToken").asString()).matches("ut_[A-Za-z0-9_-]{43}");
		assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(token.get("expiresIn").asLong()).isEqualTo(43200);
		assertThat(token.get("userId").asLong()).isEqualTo(this.alice);
		String value = token.get("accessToken").asString();
		assertThat(this.jdbc.queryForList("select token_hash from tokens", String.class))
			.containsExactly(Seeds.tokenHash(value));
		assertThat(this.api.as(value).get("/users/" + this.alice)).hasStatus(HttpStatus.OK);
		assertThat(signIn("ALICE", Seeds.PASSWORD)).hasStatus(HttpStatus.OK)
			.bodyJson()
			.extractingPath("$.accessToken")
			.isNotEqualTo(value);
	}

	@Test
	void expiresTheTokenAfterItsLifetimeWhateverItsUse() {
		String token = Json.body(signIn("alice", Seeds.PASSWORD)).get("accessToken").asString();
		var row = this.jdbc.queryForMap("select created_at, expires_at from tokens where user_id = ?", this.alice);
		assertThat(Duration.between(instant(row.get("created_at")), instant(row.get("expires_at"))))
			.isEqualTo(Duration.ofHours(12));

		this.clock.advance(Duration.ofHours(12).plusSeconds(1));

		assertThat(this.api.as(token).get("/users")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
	}

	@Test
	void answersAWrongPasswordAndAnUnknownUsernameAlike() {
		MvcTestResult wrongPassword = signIn("alice", "not-the-password");
		MvcTestResult unknownUser = signIn("nobody", Seeds.PASSWORD);

		JsonNode one = assertProblem(wrongPassword, HttpStatus.UNAUTHORIZED, "/tokens");
		JsonNode other = assertProblem(unknownUser, HttpStatus.UNAUTHORIZED, "/tokens");
		assertThat(one.get("detail").asString()).isEqualTo(other.get("detail").asString())
			.isEqualTo("wrong username or password");
		assertThat(wrongPassword).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		assertThat(unknownUser).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		assertThat(this.seeds.count("tokens")).isZero();
	}

	@Test
	void takesAboutAsLongForAnUnknownUsernameAsForAWrongPassword() {
		signIn("alice", "warm-up-1");
		signIn("nobody", "warm-up-2");
		long wrongPassword = 0;
		long unknownUser = 0;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			signIn("alice", "not-the-password-" + i);
			wrongPassword += System.nanoTime() - start;
			start = System.nanoTime();
			signIn("nobody-" + i, "not-the-password");
			unknownUser += System.nanoTime() - start;
			this.seeds.reset();
			this.alice = this.seeds.user("Alice");
		}

		// Both check an Argon2 hash: an unknown name is not answered at once.
		assertThat((double) unknownUser).isBetween(wrongPassword / 3.0, wrongPassword * 3.0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"username\":\"alice\"}", "{\"password\":\"x\"}",
			"{\"username\":5,\"password\":\"x\"}", "{\"username\":\"alice\",\"password\":null}",
			"{\"username\":\"alice\",\"password\":\"x\",\"extra\":1}" })
	void refusesAnInvalidBody(String body) {
		MvcTestResult result = this.api.post("/tokens", body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertProblem(result, HttpStatus.BAD_REQUEST, "/tokens");
		assertThat(this.seeds.count("tokens")).isZero();
		assertThat(this.seeds.count("sign_in_failures")).isZero();
	}

	@Test
	void namesEachMissingField() {
		assertInvalid(this.api.post("/tokens", "{}"), "/tokens", "username", "password");
	}

	@Test
	void keepsTheNewestTwentyTokensOfAUser() {
		List<String> older = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			older.add(this.seeds.token(this.alice));
			this.clock.advance(Duration.ofMillis(2));
		}
		long bob = this.seeds.user("bob");
		String bobs = this.seeds.token(bob);

		String newest = Json.body(signIn("alice", Seeds.PASSWORD)).get("accessToken").asString();

		assertThat(this.seeds.tokenCount(this.alice)).isEqualTo(20);
		assertThat(this.seeds.tokenStored(older.get(0))).as("the oldest").isFalse();
		assertThat(older.subList(1, 20)).allSatisfy((token) -> assertThat(this.seeds.tokenStored(token)).isTrue());
		assertThat(this.seeds.tokenStored(newest)).isTrue();
		assertThat(this.seeds.tokenStored(bobs)).as("another user's").isTrue();
	}

	@Test
	void signOutRevokesTheTokenUsedAndNothingElse() {
		String used = this.seeds.token(this.alice);
		String other = this.seeds.token(this.alice);
		String bobs = this.seeds.token(this.seeds.user("bob"));

		MvcTestResult result = this.api.as(used).delete("/tokens/current");

		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.api.as(used).get("/users")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.as(used).delete("/tokens/current")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.as(other).get("/users")).hasStatus(HttpStatus.OK);
		assertThat(this.api.as(bobs).get("/users")).hasStatus(HttpStatus.OK);
	}

	@Test
	void aDeletedUsersTokensStopWorking() {
		String one = this.seeds.token(this.alice);
		String two = this.seeds.token(this.alice);

		assertThat(this.api.as(one).delete("/users/" + this.alice)).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(this.seeds.tokenCount(this.alice)).isZero();
		assertThat(this.api.as(one).get("/users")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.as(two).get("/users")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theCleanUpJobDeletesExpiredTokensOnly() {
		String expired = this.seeds.expiredToken(this.alice);
		String valid = this.seeds.token(this.alice);

		this.cleanup.run();
		this.cleanup.run();

		assertThat(this.seeds.tokenStored(expired)).isFalse();
		assertThat(this.seeds.tokenStored(valid)).isTrue();
	}

	@Test
	void anUnknownPathIsUnauthorizedWithoutATokenAndNotFoundWithOne() {
		assertProblem(this.api.get("/nope"), HttpStatus.UNAUTHORIZED, "/nope");
		assertProblem(this.api.as(this.seeds.token(this.alice)).get("/nope"), HttpStatus.NOT_FOUND, "/nope");
	}

	@Test
	void servesNoOAuthMetadata() {
		String path = "/.well-known/oauth-protected-resource";

		assertProblem(this.api.get(path), HttpStatus.UNAUTHORIZED, path);
		assertProblem(this.api.as(this.seeds.token(this.alice)).get(path), HttpStatus.NOT_FOUND, path);
	}

	@Test
	void keepsSignedInResponsesOutOfSharedCachesButRevalidatable() {
		MvcTestResult signedIn = this.api.as(this.seeds.token(this.alice)).get("/users/" + this.alice);
		MvcTestResult publicDocument = this.api.get("/v3/api-docs");

		assertThat(signedIn).hasStatus(HttpStatus.OK).hasHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
		assertThat(signedIn.getResponse().getHeader(HttpHeaders.PRAGMA)).isNull();
		assertThat(signedIn.getResponse().getHeader(HttpHeaders.EXPIRES)).isNull();
		assertThat(signedIn).hasHeader("X-Content-Type-Options", "nosniff");
		assertThat(publicDocument.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isNull();
	}

	@Test
	void keepsNoSessionAndNoDefaultUser() {
		MvcTestResult result = this.api.as(this.seeds.token(this.alice)).get("/users");

		assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(this.context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
	}

	private static java.time.Instant instant(Object timestamp) {
		return (timestamp instanceof java.time.OffsetDateTime time) ? time.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
	}

	private MvcTestResult signIn(String username, String password) {
		return this.api.post("/tokens",
				"{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}");
	}

}
