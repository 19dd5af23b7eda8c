package org.userstasks.reliability;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.RawConnection;
import org.userstasks.testing.RawConnection.Response;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated requests, valid and not, to every endpoint with every method:
 * each one is answered with a 2xx or a 4xx (or a 503), every 4xx is problem+json, and
 * afterwards the database still keeps every integrity rule. Bodies and parameters are
 * fuzzed through MockMvc; headers, methods, framing and request targets over real HTTP.
 * The seed is printed; run again with {@code -Dfuzz.seed=N} to replay a run,
 * {@code -Dfuzz.requests=N} and {@code -Dfuzz.http.requests=N} for more or fewer.
 */
@IntegrationTest
class FuzzIT {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private static final String[] METHODS = { "GET", "GET", "GET", "POST", "POST", "POST", "PATCH", "PATCH", "PATCH",
			"DELETE", "PUT", "HEAD", "OPTIONS" };

	private static final String[] PATHS = { "/users", "/users/{id}", "/users/{id}/tasks", "/tasks", "/tasks/{id}" };

	private static final String[] ODD_PATHS = { "/", "/users/", "/users/{id}/", "/users/{id}/tasks/{id}",
			"/tasks/{id}/x", "/userz", "/error", "/users//tasks", "/tasks/{id};jsessionid=1", "/users/{id}/tasks;x=y",
			"/USERS", "/tasks/../users", "/%2e%2e/users", "/users/%2F1" };

	private static final String[] PARAMETERS = { "limit", "after", "completed", "userId", "include", "Limit", "unknown",
			"limit[]", "" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/json", "application/json",
			"application/json;charset=UTF-8", "application/json; charset=ISO-8859-1", "application/json;charset=bogus",
			"application/problem+json", "application/merge-patch+json", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data", "text/json", "*/*", "application/*", "nonsense",
			"application/json;;;", "" };

	private static final String[] ACCEPTS = { "application/json", "*/*", "text/html", "application/xml",
			"application/problem+json", "text/plain", "nonsense", "application/json;q=0" };

	private static final String[] ID_TEXTS = { "0", "-1", "1.5", "1e3", "abc", "+1", "01", " 1", "9223372036854775807",
			"9223372036854775808", "99999999999999999999", "-9223372036854775808", "0x10", "NaN", "null", "true", "",
			"١٢", "１", "\u0000", "😀", "\ud800", "%", "%25", "%00", "%FF", "%C0%AF", "1%00", "1/2", "1?x", "1#x" };

	private static final String[] NUMBERS = { "0", "-0", "1", "-1", "1.5", "1e400", "-1e400", "1E2",
			"99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
			"0.0000000000000000001", "1e-400", "00", "01", "+1", "NaN", "Infinity", "-Infinity", "0x1F", ".5", "5." };

	private static final String[] RAW_METHODS = { "PUT", "TRACE", "OPTIONS", "HEAD", "get", "post", "Patch", "delete",
			"FOO", "PROPFIND", "M-SEARCH", "CONNECT", "G\u00c9T", "GET\tX", "" };

	private static final String[] RAW_CONTENT_TYPES = { "application/json", "application/json; charset=utf-8",
			"multipart/form-data", "multipart/form-data; boundary=x", "multipart/mixed; boundary=--",
			"application/x-www-form-urlencoded", "text/plain", "*/*", "application/*", "*/json", "application/*+json",
			"*", "", "application/", "/json", "application/json;charset", "application/json; charset=",
			"application/json; charset=bogus", "application/json, text/plain", "application/json;charset=\"utf-8",
			"application/vnd.x+json", "text/html; charset=\u00e9", "application/json; boundary=x" };

	private static final String[] RAW_ACCEPTS = { "application/json", "*/*", "text/html", "nonsense", "*/", "", ",",
			"application/json;q=x", "text/html;q=0.5, application/problem+json", "a/b/c", "*/*;q=0",
			"application/json, */*;q=" };

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Long> userIds = new ArrayList<>();

	private final List<Long> taskIds = new ArrayList<>();

	// A token per user, seeded on first use; a deleted user's token is kept and sent on,
	// as a revoked one.
	private final Map<Long, String> tokens = new HashMap<>();

	private final List<String> expiredTokens = new ArrayList<>();

	private int seeded;

	private Random random;

	/**
	 * Adds users with tasks, so that requests keep finding some after the deletions.
	 */
	private void seed() {
		for (long userId : this.seeds.users("fuzzed" + this.seeded++ + "-", 3)) {
			this.userIds.add(userId);
			this.expiredTokens.add(this.seeds.expiredToken(userId));
			this.seeds.tasks(userId, 3);
			this.taskIds.addAll(this.jdbc.queryForList("select id from tasks where user_id = ?", Long.class, userId));
		}
	}

	@Test
	void everyRequestGetsA2xxOr4xxProblemAndTheDatabaseKeepsItsRules() {
		explore("fuzz", "fuzz.requests", 1500, this::request, (request) -> {
			MockHttpServletResponse response = this.mvc.perform(request.builder()).andReturn().getResponse();
			String problem = check(response);
			if (problem == null) {
				problem = readBack(request, response);
			}
			remember(request, response);
			return new Outcome(response.getStatus(), problem, response.getContentAsString(StandardCharsets.UTF_8));
		});
	}

	/**
	 * The same kind of requests over real HTTP to the running server, with every header
	 * that changes how a request is parsed drawn too: Tomcat parses these (multipart,
	 * chunked bodies, lengths, character encodings) where MockMvc does not.
	 */
	@Test
	void everyRequestOverHttpWithAnyHeadersGetsA2xxOr4xxProblemAndTheDatabaseKeepsItsRules() {
		explore("fuzz over HTTP", "fuzz.http.requests", 800, this::rawRequest, (request) -> {
			Response response = RawConnection.exchange(this.port, request.head(), request.body(), request.endsShort());
			// A client that hangs up in the middle of its request may get no answer.
			String problem = ((response.status() == 0 && request.endsShort()) || isNotModified(request, response))
					? null : check(request.method(), response);
			return new Outcome(response.status(), problem, response.body());
		});
	}

	/**
	 * Sends as many generated requests as the property says (seeding users and tasks
	 * every 250, so that requests keep finding some after the deletions), then asserts
	 * that none broke the rules and that the database still keeps its own.
	 */
	private <R> void explore(String name, String countProperty, int defaultCount, Supplier<R> requests,
			Exchange<R> exchange) {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		int count = Integer.getInteger(countProperty, defaultCount);
		this.random = new Random(seed);
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		long started = System.nanoTime();

		for (int i = 0; i < count; i++) {
			if (i % 250 == 0) {
				seed();
			}
			R request = requests.get();
			try {
				Outcome outcome = exchange.send(request);
				statuses.merge(outcome.status(), 1, Integer::sum);
				if (outcome.problem() != null) {
					failures.add(request + " -> " + outcome.status() + " " + outcome.problem() + ": "
							+ abbreviate(outcome.body()));
				}
			}
			catch (Exception ex) {
				failures.add(request + " -> exception " + ex);
			}
		}

		System.out.printf("%s (seed %d): %d requests in %d ms, statuses %s, %d failures%n", name, seed, count,
				(System.nanoTime() - started) / 1_000_000, statuses, failures.size());
		assertThat(failures).as("requests that broke the rules (replay with -Dfuzz.seed=%d)", seed).isEmpty();
		assertIntegrity();
	}

	/**
	 * Sends one generated request and tells what was wrong with the response.
	 */
	private interface Exchange<R> {

		Outcome send(R request) throws Exception;

	}

	/**
	 * The status a request got, what was wrong with the response (null if nothing) and
	 * its body.
	 */
	private record Outcome(int status, String problem, String body) {
	}

	/**
	 * What the Authorization header may carry beside the tokens of
	 * {@link #authorization()} (the owner's, another user's, an expired one): other
	 * schemes and broken ones.
	 */
	private List<String> authorizations() {
		String basic = Base64.getEncoder()
			.encodeToString(("fuzzed0-0:" + Seeds.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return List.of("", "garbage", "Basic " + basic, "Basic !!!", "Basic", "Bearer", "Bearer ", "Bearer junk",
				"Bearer ut_" + Long.toHexString(this.random.nextLong()), "bearer x", "Bearer a b", "Negotiate YII=",
				"Bearer " + "x".repeat(2000));
	}

	private RawRequest rawRequest() {
		Request base = chance(3) ? validRequest() : anyRequest();
		String method = chance(6) ? pick(RAW_METHODS) : base.method();
		String target = chance(6) ? oddTarget(base.uri()) : base.uri();
		byte[] body = base.body();
		List<String> headers = new ArrayList<>();
		if (!chance(40)) {
			headers.add("Host: localhost");
		}
		headers.add("Connection: close");
		String contentType = chance(3) ? pick(RAW_CONTENT_TYPES) : base.contentType();
		if (contentType != null) {
			headers.add("Content-Type: " + contentType);
			if (chance(15)) {
				headers.add("Content-Type: " + pick(RAW_CONTENT_TYPES));
			}
		}
		String accept = chance(3) ? pick(RAW_ACCEPTS) : base.accept();
		if (accept != null) {
			headers.add("Accept: " + accept);
			if (chance(15)) {
				headers.add("Accept: " + pick(RAW_ACCEPTS));
			}
		}
		String authorization = chance(3) ? pick(authorizations().toArray(String[]::new)) : base.authorization();
		if (authorization != null) {
			headers.add("Authorization: " + authorization);
			if (chance(10)) {
				headers.add("Authorization: " + authorization);
			}
		}
		if (chance(8)) {
			headers.add("Content-Encoding: " + pick("gzip", "identity", "br", "deflate, gzip", "x", ""));
		}
		if (chance(25)) {
			headers.add(pick("X-Odd : value", "X-Empty:", "X-Long: " + "y".repeat(9000), "Expect: 100-continue",
					"Expect: nonsense", "Host: other", "X-Request-Id: " + text(10), "Origin: http://localhost:5173",
					"Origin: null", "Cookie: JSESSIONID=1", "Range: bytes=0-1", "If-None-Match: *",
					"X-HTTP-Method-Override: DELETE", "Upgrade: h2c"));
		}
		boolean endsShort = false;
		String framing = (body == null && !chance(10)) ? "none" : pick("length", "length", "length", "length",
				"chunked", "short", "long", "none", "invalid", "twice", "both", "te");
		switch (framing) {
			// Whitespace around a field value is not part of it: " 5" is a length of 5.
			case "length" -> headers.add("Content-Length: " + (chance(10) ? " " : "") + length(body));
			case "short" -> headers.add("Content-Length: " + Math.max(0, length(body) - 1 - this.random.nextInt(5)));
			case "long" -> {
				headers.add("Content-Length: " + (length(body) + 1 + this.random.nextInt(100)));
				endsShort = true;
			}
			case "invalid" ->
				headers.add("Content-Length: " + pick("abc", "-1", "1.0", "", "0x10", "99999999999999999999", "1, 2"));
			case "twice" -> {
				headers.add("Content-Length: " + length(body));
				headers.add("Content-Length: " + (length(body) + 1));
			}
			case "chunked", "both", "te" -> {
				if (framing.equals("both")) {
					headers.add("Content-Length: " + length(body));
				}
				headers.add("Transfer-Encoding: " + (framing.equals("te")
						? pick("gzip", "gzip, chunked", "identity", "chunked, chunked", "Chunked", "x", "")
						: "chunked"));
				body = chunked(body);
				// A chunked body may be cut short: the client then hangs up, rather than
				// wait for the server's timeout.
				endsShort = true;
			}
			default -> {
				// No framing: a body, if any, is read as the next request.
			}
		}
		String version = chance(30) ? pick("HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "http/1.1") : "HTTP/1.1";
		String head = method + " " + target + " " + version + "\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
		return new RawRequest(method, head.getBytes(StandardCharsets.UTF_8), body, endsShort);
	}

	private static int length(byte[] body) {
		return (body != null) ? body.length : 0;
	}

	private byte[] chunked(byte[] body) {
		byte[] content = (body != null) ? body : new byte[0];
		if (chance(8)) {
			return pick("zz\r\nabc\r\n0\r\n\r\n", "5\r\nab\r\n0\r\n\r\n", "0\r\n", "-1\r\n\r\n",
					"1;ext=\"x\r\na\r\n0\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}
		java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
		int at = 0;
		while (at < content.length) {
			int size = Math.min(content.length - at, 1 + this.random.nextInt(64));
			chunked.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			chunked.write(content, at, size);
			chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			at += size;
		}
		chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return chunked.toByteArray();
	}

	/**
	 * The same resource written another way: empty segments, trailing slashes, dot
	 * segments, encoded slashes and dots, other forms of request target.
	 */
	private String oddTarget(String uri) {
		int query = uri.indexOf('?');
		String path = (query < 0) ? uri : uri.substring(0, query);
		String rest = (query < 0) ? "" : uri.substring(query);
		String odd = switch (this.random.nextInt(12)) {
			case 0 -> path.replace("/", "//");
			case 1 -> path + "/";
			case 2 -> "/." + path;
			case 3 -> path + "/..";
			case 4 -> path.replaceFirst("/([^/]*)$", "/%2F$1");
			case 5 -> path.replace("/", "/./");
			case 6 -> "/x/.." + path;
			case 7 -> path.replaceFirst("/", "/%2e/");
			case 8 -> "http://localhost" + path;
			case 9 -> "*";
			case 10 -> "";
			default -> path + ";a=b";
		};
		return odd + rest;
	}

	/**
	 * Whether a response without a status line is the problem an HTTP/0.9 request gets (a
	 * request line without a version, such as one with an empty target): HTTP/0.9 answers
	 * with the body alone.
	 */
	private static boolean http09Problem(String body) {
		try {
			int status = Json.parse(body).path("status").asInt();
			return status >= 400 && status < 500;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * A 304 is the answer to a GET or HEAD whose If-None-Match names the current ETag of
	 * a user or task ({@code *} does): no body, the ETag repeated.
	 */
	private static boolean isNotModified(RawRequest request, Response response) {
		String head = new String(request.head(), StandardCharsets.ISO_8859_1);
		return response.status() == 304 && (request.method().equals("GET") || request.method().equals("HEAD"))
				&& head.contains("\r\nIf-None-Match: ") && response.headers().containsKey("etag")
				&& response.body().isEmpty();
	}

	/**
	 * What is wrong with a response over HTTP, or null.
	 */
	private static String check(String method, Response response) {
		int status = response.status();
		if (status == 0) {
			return http09Problem(response.body()) ? null : "no response";
		}
		if (status < 200 || status >= 500 && status != 503 || (status >= 300 && status < 400)) {
			return "status out of 2xx/4xx/503";
		}
		if (status < 400) {
			return null;
		}
		String type = response.contentType();
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
			return "not problem+json (" + type + ")";
		}
		if (method.equalsIgnoreCase("HEAD")) {
			return null;
		}
		JsonNode body = Json.parse(response.body());
		return (body.path("status").asInt() != status) ? "problem status differs" : null;
	}

	private void assertIntegrity() {
		assertThat(count(
				"select count(*) from tasks t where not exists " + "(select 1 from users u where u.id = t.user_id)"))
			.as("tasks without their user")
			.isZero();
		assertThat(count("select count(*) from (select lower(username) from users group by lower(username) "
				+ "having count(*) > 1) d"))
			.as("usernames equal ignoring case")
			.isZero();
		assertThat(count("select count(*) from users where password_hash not like '$argon2id$%'"))
			.as("passwords not hashed with Argon2id")
			.isZero();
		assertThat(count("select count(*) from users where length(username) not between 1 and 50"))
			.as("usernames of a bad length")
			.isZero();
		assertThat(count("select count(*) from tasks where length(title) not between 1 and 255"))
			.as("titles of a bad length")
			.isZero();
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	/**
	 * What is wrong with a response, or null.
	 */
	private static String check(MockHttpServletResponse response) throws Exception {
		int status = response.getStatus();
		if (status < 200 || status >= 500 || (status >= 300 && status < 400)) {
			return "status out of 2xx/4xx";
		}
		if (status < 400) {
			return null;
		}
		String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		if (status == 401 && (challenge == null || !challenge.startsWith("Bearer"))) {
			return "401 without a Bearer challenge";
		}
		String type = response.getContentType();
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
			return "not problem+json (" + type + ")";
		}
		JsonNode body = Json.parse(response.getContentAsString(StandardCharsets.UTF_8));
		if (body.path("status").asInt() != status) {
			return "problem status differs";
		}
		return null;
	}

	/**
	 * After a write, what a read of the same resource returns must be what the write
	 * answered: the database stored exactly what the response showed.
	 */
	private String readBack(Request request, MockHttpServletResponse response) throws Exception {
		boolean write = request.method().equals("POST") || request.method().equals("PATCH");
		if (!write || response.getStatus() >= 300) {
			return null;
		}
		String written = response.getContentAsString(StandardCharsets.UTF_8);
		JsonNode resource = Json.parse(written);
		String path = (resource.has("title") ? "/tasks/" : "/users/") + resource.path("id").asLong();
		long owner = resource.has("title") ? resource.path("userId").asLong() : resource.path("id").asLong();
		String read = this.mvc
			.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(owner)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Json.parse(read).equals(resource) ? null : "read back as " + abbreviate(read);
	}

	private void remember(Request request, MockHttpServletResponse response) throws Exception {
		if (response.getStatus() == 201) {
			Matcher id = ID.matcher(response.getContentAsString(StandardCharsets.UTF_8));
			if (id.find()) {
				(request.uri().startsWith("/users?") || request.uri().equals("/users") ? this.userIds : this.taskIds)
					.add(Long.parseLong(id.group(1)));
			}
		}
	}

	private Request request() {
		return chance(3) ? validRequest() : anyRequest();
	}

	/**
	 * A request the API should accept, with a value sometimes replaced by odd text: state
	 * changes for real, and odd text reaches the database and the responses.
	 */
	private Request validRequest() {
		long userId = any(this.userIds);
		long taskId = any(this.taskIds);
		String user = "/users/" + userId;
		String task = "/tasks/" + taskId;
		String json = "application/json";
		// Writes mostly by the owner, so that state changes for real; reads by anyone.
		String asUser = asOwnerMostly(userId);
		String asOwner = asOwnerMostly(ownerOf(taskId));
		String anyone = "Bearer " + tokenOf(any(this.userIds));
		return switch (this.random.nextInt(20)) {
			case 0 -> new Request("POST", "/users", json, null,
					utf8("{\"username\":" + username() + ",\"password\":"
							+ quote(chance(4) ? text(100) : "password" + this.random.nextInt(1000)) + "}"),
					chance(4) ? anyone : null);
			case 1 -> new Request("PATCH", user, json, null, utf8("{\"username\":" + username() + "}"), asUser);
			case 2 -> chance(4) ? new Request("DELETE", user, null, null, null, asUser)
					: new Request("DELETE", task, null, null, null, asOwner);
			case 3, 4, 5, 6, 7 -> new Request("POST", user + "/tasks", json, null, utf8(
					"{\"title\":" + title() + (chance(2) ? "" : ",\"completed\":" + this.random.nextBoolean()) + "}"),
					asUser);
			case 8, 9, 10 -> new Request("PATCH", task, json, null, utf8(taskPatch()), asOwner);
			case 11 -> new Request("GET", "/users?include=tasks&limit=" + (1 + this.random.nextInt(20)), null, json,
					null, anyone);
			case 12 -> new Request("GET", user + "?include=tasks", null, null, null, anyone);
			case 13 -> new Request("GET",
					user + "/tasks?completed=" + this.random.nextBoolean() + "&after=" + this.random.nextInt(100), null,
					null, null, anyone);
			case 14 ->
				new Request("GET", "/tasks?userId=" + any(this.userIds) + "&limit=" + (1 + this.random.nextInt(5)),
						null, null, null, anyone);
			case 15 -> new Request("GET", "/users/" + any(this.userIds), null, null, null, anyone);
			default -> new Request("GET", task, null, null, null, anyone);
		};
	}

	private String tokenOf(long userId) {
		return this.tokens.computeIfAbsent(userId, this.seeds::token);
	}

	private long ownerOf(long taskId) {
		List<Long> owner = this.jdbc.queryForList("select user_id from tasks where id = ?", Long.class, taskId);
		return owner.isEmpty() ? any(this.userIds) : owner.get(0);
	}

	private String asOwnerMostly(long ownerId) {
		return chance(5) ? authorization() : "Bearer " + tokenOf(ownerId);
	}

	/**
	 * Any Authorization header, or none: a valid token (of any user, so often not the
	 * owner's, and sometimes of a deleted user), an expired, unknown or malformed one,
	 * another scheme.
	 */
	private String authorization() {
		return switch (this.random.nextInt(9)) {
			case 0 -> null;
			case 1, 2, 3 -> "Bearer " + tokenOf(any(this.userIds));
			case 4 -> "Bearer " + pick(this.expiredTokens.toArray(String[]::new));
			case 5 -> "Bearer ut_" + "A".repeat(43 - 4) + this.random.nextInt(1000, 9999);
			case 6 -> pick("Bearer", "Bearer ", "bearer", "Basic dXNlcjpwYXNzd29yZA==", "Token abc", "Bearer x y",
					"Bearer ut_", "Bearer  " + tokenOf(any(this.userIds)));
			case 7 -> "Bearer " + text(50);
			default -> "bEaReR " + tokenOf(any(this.userIds));
		};
	}

	private String username() {
		if (chance(3)) {
			// An existing name in another case: a conflict.
			List<String> names = this.jdbc.queryForList("select username from users", String.class);
			if (!names.isEmpty()) {
				return quote(names.get(this.random.nextInt(names.size())).toUpperCase());
			}
		}
		return quote(chance(4) ? text(50) : "fz" + this.random.nextInt(1_000_000));
	}

	private String title() {
		return quote(chance(2) ? text(chance(10) ? 300 : 30) : "title " + this.random.nextInt(1000));
	}

	private String taskPatch() {
		List<String> fields = new ArrayList<>();
		if (chance(2)) {
			fields.add("\"title\":" + title());
		}
		if (chance(2)) {
			fields.add("\"completed\":" + this.random.nextBoolean());
		}
		if (chance(3)) {
			fields.add("\"userId\":" + any(this.userIds));
		}
		return "{" + String.join(",", fields) + "}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private Request anyRequest() {
		String method = pick(METHODS);
		String template = (chance(10)) ? pick(ODD_PATHS) : pick(PATHS);
		StringBuilder uri = new StringBuilder();
		String[] segments = template.split("/", -1);
		for (int i = 1; i < segments.length; i++) {
			uri.append('/');
			uri.append(segments[i].replace("{id}", id(segments[i - 1].equals("tasks") ? this.taskIds : this.userIds)));
		}
		if (chance(2)) {
			uri.append(query());
		}
		String contentType = chance(8) ? null : pick(CONTENT_TYPES);
		String accept = chance(4) ? pick(ACCEPTS) : null;
		byte[] body = hasBody(method) || chance(10) ? body(template, method) : null;
		return new Request(method, uri.toString(), contentType, accept, body, authorization());
	}

	private static boolean hasBody(String method) {
		return method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
	}

	private String id(List<Long> known) {
		if (chance(2)) {
			return Long.toString(any(known));
		}
		if (chance(3)) {
			return Long.toString(1 + this.random.nextInt(1000));
		}
		return encode(pick(ID_TEXTS));
	}

	private long any(List<Long> known) {
		return known.isEmpty() ? 1 : known.get(this.random.nextInt(known.size()));
	}

	private String query() {
		StringBuilder query = new StringBuilder("?");
		int parameters = 1 + this.random.nextInt(4);
		for (int i = 0; i < parameters; i++) {
			if (i > 0) {
				query.append('&');
			}
			query.append(encode(pick(PARAMETERS)));
			if (!chance(15)) {
				query.append('=').append(encode(parameterValue()));
			}
		}
		return query.toString();
	}

	private String parameterValue() {
		return switch (this.random.nextInt(9)) {
			case 0 -> Integer.toString(this.random.nextInt(1200) - 100);
			case 1 -> pick("true", "false", "TRUE", "1", "yes", "");
			case 2 -> pick("tasks", "TASKS", "tasks,tasks", "users", "");
			case 3 -> pick(NUMBERS);
			case 4 -> pick(ID_TEXTS);
			case 5 -> Long.toString(any(this.userIds));
			case 6 -> text(20);
			default -> Integer.toString(1 + this.random.nextInt(1000));
		};
	}

	private byte[] body(String template, String method) {
		return switch (this.random.nextInt(10)) {
			case 0 -> bytes(200);
			case 1 -> mangle(object(template, method)).getBytes(StandardCharsets.UTF_8);
			case 2 -> value(0).getBytes(StandardCharsets.UTF_8);
			case 3 -> deep();
			default -> object(template, method).getBytes(StandardCharsets.UTF_8);
		};
	}

	/**
	 * A JSON object with the fields of the endpoint, mostly, and values of any kind.
	 */
	private String object(String template, String method) {
		List<String> names = new ArrayList<>();
		if (template.equals("/users")
				|| template.startsWith("/users/{id}") && method.equals("PATCH") && !template.endsWith("tasks")) {
			names.addAll(List.of("username", "password"));
		}
		else {
			names.addAll(List.of("title", "completed", "userId"));
		}
		if (chance(5)) {
			names.add(pick("id", "createdAt", "updatedAt", "tasks", "extra", "USERNAME", "title", ""));
		}
		StringBuilder object = new StringBuilder("{");
		for (String name : names) {
			if (chance(3)) {
				continue;
			}
			if (object.length() > 1) {
				object.append(',');
			}
			object.append(quote(name)).append(':').append(fieldValue(name));
		}
		return object.append('}').toString();
	}

	private String fieldValue(String name) {
		if (chance(4)) {
			return value(0);
		}
		return switch (name) {
			case "username" -> chance(2) ? quote("fz" + this.random.nextInt(100000)) : quote(text(60));
			case "password" -> chance(2) ? quote("password" + this.random.nextInt(1000)) : quote(text(140));
			case "title" -> chance(2) ? quote("title " + this.random.nextInt(1000)) : quote(text(300));
			case "completed" -> pick("true", "false", "\"true\"", "1", "0", "null");
			case "userId" -> chance(3) ? pick(NUMBERS) : Long.toString(any(this.userIds));
			default -> value(0);
		};
	}

	/**
	 * Any JSON value, valid or nearly.
	 */
	private String value(int depth) {
		int kind = this.random.nextInt((depth > 3) ? 6 : 9);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> pick("true", "false", "tru", "True");
			case 2 -> pick(NUMBERS);
			case 3 -> quote(text(40));
			case 4 -> quote(chance(20) ? "x".repeat(200_000) : text(5));
			case 5 -> pick("", " ", "\uFEFF{}", "{}", "[]", "{", "}", "{}}", "{} {}", "'a'", "{'a':1}", "/*c*/{}", "\"",
					"\\");
			case 6 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
			case 7 -> "{" + quote(text(8)) + ":" + value(depth + 1) + "}";
			default -> "{\"title\":" + value(depth + 1) + ",\"title\":" + value(depth + 1) + "}";
		};
	}

	private byte[] deep() {
		int depth = 100 + this.random.nextInt(5000);
		String open = chance(2) ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		return (open.repeat(depth) + "1" + close.repeat(chance(2) ? depth : depth / 2))
			.getBytes(StandardCharsets.UTF_8);
	}

	private String mangle(String json) {
		if (json.isEmpty()) {
			return json;
		}
		int at = this.random.nextInt(json.length());
		return switch (this.random.nextInt(4)) {
			case 0 -> json.substring(0, at);
			case 1 -> json + pick("x", "}", ",", "\u0000", " {}", "\n\n");
			case 2 -> json.substring(0, at) + pick("\"", ",", ":", "\\", "\u0000", "\ud800") + json.substring(at);
			default -> json.replace(':', '=');
		};
	}

	/**
	 * Text with the characters that break things: NUL and other controls, lone surrogates
	 * (as JSON escapes), characters outside the BMP, quotes and backslashes.
	 */
	private String text(int maxLength) {
		int length = this.random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			switch (this.random.nextInt(12)) {
				case 0 -> text.append("\\u0000");
				case 1 -> text.append(pick("\\ud800", "\\udfff", "\\udbff\\udfff", "\\ud83d\\ude00"));
				case 2 -> text.appendCodePoint(0x10000 + this.random.nextInt(0x10FFFF - 0x10000));
				case 3 ->
					text.append(pick("\\\"", "\\\\", "\\n", "\\t", "\\/", "\\x", "\\u12", " ", "\u00e9", "\u200b"));
				case 4 -> text.append((char) this.random.nextInt(0x20));
				case 5 -> text.append((char) (0x80 + this.random.nextInt(0xD800 - 0x80)));
				default -> text.append((char) (0x20 + this.random.nextInt(0x5F)));
			}
		}
		return text.toString();
	}

	private byte[] bytes(int maxLength) {
		byte[] bytes = new byte[this.random.nextInt(maxLength + 1)];
		this.random.nextBytes(bytes);
		if (bytes.length > 2 && chance(2)) {
			// Invalid UTF-8 inside a JSON string: an encoded surrogate, a stray byte.
			byte[] json = "{\"title\":\"??????\"}".getBytes(StandardCharsets.US_ASCII);
			json[10] = (byte) 0xED;
			json[11] = (byte) 0xA0;
			json[12] = (byte) 0x80;
			json[13] = (byte) 0xFF;
			json[14] = (byte) 0xC0;
			return json;
		}
		return bytes;
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "'") + "\"";
	}

	/**
	 * Percent-encodes text for a URI, leaving an already valid escape (%XX) as it is.
	 */
	private static String encode(String text) {
		StringBuilder encoded = new StringBuilder();
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xFF;
			boolean escape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
			if (escape || (b > 0x20 && b < 0x7F && "\"<>\\^`{|}% #?&=/".indexOf(b) < 0)) {
				encoded.append((char) b);
			}
			else {
				encoded.append('%').append(String.format("%02X", b));
			}
		}
		return encoded.toString();
	}

	private static boolean isHex(byte b) {
		return Character.digit(b, 16) >= 0;
	}

	private boolean chance(int oneIn) {
		return this.random.nextInt(oneIn) == 0;
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private record RawRequest(String method, byte[] head, byte[] body, boolean endsShort) {

		@Override
		public String toString() {
			String text = new String(this.head, StandardCharsets.ISO_8859_1)
					+ ((this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "");
			return abbreviate(text.replace("\r\n", "\\r\\n")) + (this.endsShort ? " (ends short)" : "");
		}

	}

	private record Request(String method, String uri, String contentType, String accept, byte[] body,
			String authorization) {

		MockHttpServletRequestBuilder builder() {
			MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(this.method),
					URI.create(this.uri));
			if (this.contentType != null) {
				builder.header("Content-Type", this.contentType);
			}
			if (this.accept != null) {
				builder.header("Accept", this.accept);
			}
			if (this.authorization != null) {
				builder.header("Authorization", this.authorization);
			}
			if (this.body != null) {
				builder.content(this.body);
			}
			return builder;
		}

		@Override
		public String toString() {
			String text = (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
			return this.method + " " + this.uri + " [" + this.contentType + ", accept " + this.accept + ", "
					+ ((this.authorization != null) ? abbreviate(this.authorization) : "no token") + "] "
					+ abbreviate(text);
		}

	}

}
