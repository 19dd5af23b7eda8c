package org.userstasks.auth;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * Every row of the contract's endpoint table, with each status that sign-in brought: no
 * token, every kind of bad token, the owner and another user.
 */
@IntegrationTest
class EndpointTableIT {

	private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private long bob;

	private long task;

	private String aliceToken;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.bob = this.seeds.user("bob");
		this.task = this.seeds.task(this.alice, "of alice", false);
		this.aliceToken = this.seeds.token(this.alice);
	}

	/**
	 * The table: method, path ({user} is alice, {task} one of her tasks), body, who may,
	 * and the status of success.
	 */
	static Stream<Endpoint> endpoints() {
		return Stream.of(new Endpoint("POST", "/tokens", signIn(), Who.ANYONE, HttpStatus.OK),
				new Endpoint("DELETE", "/tokens/current", null, Who.SIGNED_IN, HttpStatus.NO_CONTENT),
				new Endpoint("GET", "/users", null, Who.SIGNED_IN, HttpStatus.OK),
				new Endpoint("POST", "/users", "{\"username\":\"carol\",\"password\":\"password1\"}", Who.ANYONE,
						HttpStatus.CREATED),
				new Endpoint("GET", "/users/{user}", null, Who.SIGNED_IN, HttpStatus.OK),
				new Endpoint("PATCH", "/users/{user}", "{\"username\":\"alicia\"}", Who.OWNER, HttpStatus.OK),
				new Endpoint("DELETE", "/users/{user}", null, Who.OWNER, HttpStatus.NO_CONTENT),
				new Endpoint("GET", "/users/{user}/tasks", null, Who.SIGNED_IN, HttpStatus.OK),
				new Endpoint("POST", "/users/{user}/tasks", "{\"title\":\"new\"}", Who.OWNER, HttpStatus.CREATED),
				new Endpoint("GET", "/tasks", null, Who.SIGNED_IN, HttpStatus.OK),
				new Endpoint("GET", "/tasks/{task}", null, Who.SIGNED_IN, HttpStatus.OK),
				new Endpoint("PATCH", "/tasks/{task}", "{\"title\":\"changed\"}", Who.OWNER, HttpStatus.OK),
				new Endpoint("DELETE", "/tasks/{task}", null, Who.OWNER, HttpStatus.NO_CONTENT),
				// Public paths beside the table.
				new Endpoint("GET", "/actuator/health", null, Who.ANYONE, HttpStatus.OK),
				new Endpoint("GET", "/actuator/health/readiness", null, Who.ANYONE, HttpStatus.OK),
				new Endpoint("GET", "/actuator/prometheus", null, Who.ANYONE, HttpStatus.OK),
				new Endpoint("GET", "/v3/api-docs", null, Who.ANYONE, HttpStatus.OK),
				new Endpoint("GET", "/swagger-ui.html", null, Who.ANYONE, HttpStatus.FOUND));
	}

	static Stream<Endpoint> ownerOnly() {
		return endpoints().filter((endpoint) -> endpoint.who() == Who.OWNER);
	}

	static Stream<Endpoint> needingAToken() {
		return endpoints().filter((endpoint) -> endpoint.who() != Who.ANYONE);
	}

	static Stream<Arguments> badTokensOnEveryEndpoint() {
		List<String> kinds = List.of("malformed", "another scheme", "empty", "scheme alone", "lower-case prefix",
				"unknown", "expired", "revoked", "two headers");
		return endpoints().flatMap((endpoint) -> kinds.stream().map((kind) -> Arguments.of(endpoint, kind)));
	}

	@ParameterizedTest
	@MethodSource("needingAToken")
	void refusesARequestWithoutATokenWhereOneIsNeeded(Endpoint endpoint) {
		Map<String, Long> before = rows();

		MvcTestResult result = send(endpoint);

		JsonNode problem = assertProblem(result, HttpStatus.UNAUTHORIZED, resolve(endpoint.path()));
		assertThat(result).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		assertThat(problem.get("detail").asString()).contains("Bearer");
		assertThat(rows()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void answersTheOwnerOrAnyoneWhoMay(Endpoint endpoint) {
		MvcTestResult result = (endpoint.who() == Who.ANYONE) ? send(endpoint)
				: send(endpoint, "Bearer " + this.aliceToken);

		assertThat(result).hasStatus(endpoint.success());
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void answersAnyOtherSignedInUserWhereAnyoneMay(Endpoint endpoint) {
		MvcTestResult result = send(endpoint, "Bearer " + this.seeds.token(this.bob));

		assertThat(result).hasStatus((endpoint.who() == Who.OWNER) ? HttpStatus.FORBIDDEN : endpoint.success());
	}

	@ParameterizedTest
	@MethodSource("ownerOnly")
	void refusesAnotherUserAndChangesNothing(Endpoint endpoint) {
		String bobToken = this.seeds.token(this.bob);
		Map<String, Long> before = rows();
		String stored = usersAndTasks();

		MvcTestResult result = send(endpoint, "Bearer " + bobToken);

		JsonNode problem = assertProblem(result, HttpStatus.FORBIDDEN, resolve(endpoint.path()));
		assertThat(problem.get("detail").asString()).contains("only");
		assertThat(rows()).isEqualTo(before);
		assertThat(usersAndTasks()).isEqualTo(stored);
	}

	@ParameterizedTest
	@MethodSource("badTokensOnEveryEndpoint")
	void refusesABadTokenOnEveryEndpointPublicOnesIncluded(Endpoint endpoint, String kind) {
		String[] authorization = switch (kind) {
			case "malformed" -> new String[] { "Bearer not-a-token" };
			case "another scheme" -> new String[] { "Basic YWxpY2U6c2VlZGVkLXBhc3N3b3Jk" };
			case "empty" -> new String[] { "Bearer " };
			case "scheme alone" -> new String[] { "Bearer" };
			case "lower-case prefix" -> new String[] { "Bearer " + this.aliceToken.replace("ut_", "UT_") };
			case "unknown" -> new String[] { "Bearer ut_" + "x".repeat(43) };
			case "expired" -> new String[] { "Bearer " + this.seeds.expiredToken(this.alice) };
			case "revoked" -> new String[] { "Bearer " + revoked() };
			// Two valid tokens at once are not one token.
			case "two headers" ->
				new String[] { "Bearer " + this.aliceToken, "Bearer " + this.seeds.token(this.alice) };
			default -> throw new IllegalArgumentException(kind);
		};
		Map<String, Long> before = rows();

		MvcTestResult result = send(endpoint, authorization);

		JsonNode problem = assertProblem(result, HttpStatus.UNAUTHORIZED, resolve(endpoint.path()));
		assertThat(result).hasHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN);
		assertThat(problem.get("detail").asString()).contains("sign in again");
		assertThat(rows()).isEqualTo(before);
	}

	private String revoked() {
		String token = this.seeds.token(this.alice);
		assertThat(this.api.as(token).delete("/tokens/current")).hasStatus(HttpStatus.NO_CONTENT);
		return token;
	}

	private MvcTestResult send(Endpoint endpoint, String... authorization) {
		var request = this.api.mvc().method(HttpMethod.valueOf(endpoint.method())).uri(resolve(endpoint.path()));
		if (authorization.length > 0) {
			request = request.header(HttpHeaders.AUTHORIZATION, (Object[]) authorization);
		}
		if (endpoint.body() != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
		}
		return request.exchange();
	}

	private String resolve(String path) {
		return path.replace("{user}", Long.toString(this.alice)).replace("{task}", Long.toString(this.task));
	}

	private Map<String, Long> rows() {
		return Map.of("users", this.seeds.count("users"), "tasks", this.seeds.count("tasks"), "tokens",
				this.seeds.count("tokens"));
	}

	private String usersAndTasks() {
		return this.jdbc.queryForList("select id, username, updated_at from users order by id").toString()
				+ this.jdbc.queryForList("select id, title, user_id, updated_at from tasks order by id");
	}

	private static String signIn() {
		return "{\"username\":\"ALICE\",\"password\":" + Json.quote(Seeds.PASSWORD) + "}";
	}

	enum Who {

		ANYONE, SIGNED_IN, OWNER

	}

	record Endpoint(String method, String path, String body, Who who, HttpStatus success) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
