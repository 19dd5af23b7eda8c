package org.userstasks.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.DispatcherServlet;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.ProblemAssertions;
import org.userstasks.testing.RawConnection;
import org.userstasks.testing.RawConnection.Response;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service reads JSON bodies only: a body whose Content-Type is anything but one
 * {@code application/json} or {@code application/*+json} is a 415 problem, and so is a
 * Content-Type that says nothing readable. Over real HTTP, since Tomcat's own parsing
 * (multipart, the request's character encoding) is where such requests used to fail with
 * a 500.
 */
@IntegrationTest
class JsonBodiesIT {

	private static final String USER = "{\"username\":\"bob\",\"password\":\"password1\"}";

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DispatcherServlet dispatcherServlet;

	private long alice;

	private long task;

	// Every request is alice's, signed in: a request without a token is a 401 before
	// its body is looked at.
	private String authorization;

	@BeforeEach
	void seed() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
		this.task = this.seeds.task(this.alice, "kept", false);
		this.authorization = "Authorization: Bearer " + this.seeds.token(this.alice) + "\r\n";
	}

	@ParameterizedTest
	@ValueSource(strings = { "multipart/form-data; boundary=x", "multipart/form-data", "multipart/mixed; boundary=b",
			"application/x-www-form-urlencoded", "text/plain", "text/json", "application/xml",
			"application/octet-stream", "*/*", "application/*", "*/json", "application/*+json", "*", "", "nonsense",
			"application/", "/json", "application/json/x", "application/json;charset", "application/json; charset=",
			"application/json; charset=\"utf-8", "application/json, text/plain", "application/json,application/json",
			"application/json text/plain", "application/+json", "application/jsonx" })
	void refusesABodyWhoseContentTypeIsNotJsonWith415(String contentType) throws IOException {
		Map<String, Object> userBefore = this.jdbc.queryForMap("select * from users where id = ?", this.alice);
		Map<String, Object> taskBefore = this.jdbc.queryForMap("select * from tasks where id = ?", this.task);
		String header = "Content-Type: " + contentType + "\r\n";

		assertRefused(send("POST", "/users", header, USER), "/users");
		assertRefused(send("POST", "/users/" + this.alice + "/tasks", header, "{\"title\":\"t\"}"),
				"/users/" + this.alice + "/tasks");
		assertRefused(send("PATCH", "/users/" + this.alice, header, "{\"username\":\"carol\"}"),
				"/users/" + this.alice);
		assertRefused(send("PATCH", "/tasks/" + this.task, header, "{\"completed\":true}"), "/tasks/" + this.task);

		assertUnchanged(userBefore, taskBefore);
	}

	@Test
	void refusesSeveralContentTypeHeadersWith415() throws IOException {
		assertRefused(
				send("POST", "/users", "Content-Type: application/json\r\nContent-Type: application/json\r\n", USER),
				"/users");
		assertThat(this.seeds.count("users")).isOne();
	}

	@Test
	void refusesABodyWithoutContentTypeWith415() throws IOException {
		assertRefused(send("POST", "/users", "", USER), "/users");
		assertThat(this.seeds.count("users")).isOne();
	}

	@Test
	void refusesAChunkedBodyThatIsNotJsonWith415() throws IOException {
		String chunked = Integer.toHexString(USER.length()) + "\r\n" + USER + "\r\n0\r\n\r\n";
		assertRefused(
				send("POST", "/users", "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n", chunked, false),
				"/users");
		assertThat(this.seeds.count("users")).isOne();
	}

	/**
	 * What a fuzzer found: a JSON text sent as multipart failed while the dispatcher
	 * looked for its parts, before any controller.
	 */
	@Test
	void multipartIsNeitherParsedNorAccepted() throws IOException {
		assertThat(this.dispatcherServlet.getMultipartResolver()).isNull();
		String multipart = "--x\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nbob\r\n--x--\r\n";

		assertRefused(send("POST", "/users", "Content-Type: multipart/form-data; boundary=x\r\n", multipart), "/users");
		assertRefused(send("POST", "/users", "Content-Type: multipart/form-data; boundary=x\r\n", USER), "/users");
		assertThat(this.seeds.count("users")).isOne();
	}

	@Test
	void malformedFormBodyIsUnsupportedMediaType() throws IOException {
		String header = "Content-Type: application/x-www-form-urlencoded\r\n";

		assertRefused(send("PATCH", "/users/" + this.alice, header, "username=%zz"), "/users/" + this.alice);
		assertRefused(send("POST", "/users", header, "username=%zz&password=%"), "/users");
	}

	/**
	 * What a fuzzer found: a wildcard Content-Type failed inside Spring, where it was
	 * joined with the request's character encoding, even on a request without a body.
	 * Without a body there is nothing for the header to describe: it is ignored.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "text/plain", "nonsense", "" })
	void ignoresTheContentTypeOfARequestWithoutABody(String contentType) throws IOException {
		String header = "Content-Type: " + contentType + "\r\n";

		assertThat(send("GET", "/users", header, null).status()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health", header, null).status()).isEqualTo(200);
		assertProblem(send("POST", "/users", header, ""), HttpStatus.BAD_REQUEST, "/users");
		assertThat(this.seeds.count("users")).isOne();
		assertThat(send("DELETE", "/users/" + this.alice, header, null).status()).isEqualTo(204);
		assertThat(this.seeds.count("users")).isZero();
	}

	@Test
	void refusesACompressedBodyWith415() throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write(USER.getBytes(StandardCharsets.UTF_8));
		}
		byte[] body = gzipped.toByteArray();
		String head = "POST /users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length
				+ "\r\n\r\n";

		Response response = RawConnection.exchange(this.port, head, body);

		assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/users");
		assertThat(response.headers()).containsEntry("accept-encoding", "identity");
		assertThat(this.seeds.count("users")).isOne();
	}

	@Test
	void judgesTheTokenBeforeTheBody() throws IOException {
		String path = "/users/" + this.alice + "/tasks";
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: text/plain\r\nContent-Length: 1\r\n\r\n";

		Response response = RawConnection.exchange(this.port, head, "x".getBytes(StandardCharsets.UTF_8));

		assertProblem(response, HttpStatus.UNAUTHORIZED, path);
		assertThat(this.seeds.count("tasks")).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;charset=UTF-8",
			"application/json; charset=\"utf-8\"", "Application/JSON", "application/json ; x=y", "application/json;;",
			"application/vnd.userstasks+json", "application/merge-patch+json" })
	void acceptsJsonWithOrWithoutParameters(String contentType) throws IOException {
		String header = "Content-Type: " + contentType + "\r\n";

		Response created = send("POST", "/users/" + this.alice + "/tasks", header, "{\"title\":\"t\"}");
		Response patched = send("PATCH", "/tasks/" + this.task, header, "{\"completed\":true}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(this.seeds.count("tasks")).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nonsense", "*/", "text/html;q=x", "application/json;q=2", "a/b/c", ",", "text/html",
			"application/json, */*;q=", ";", "*/*;q=0" })
	void malformedAcceptNeverTurnsAnErrorIntoA5xxOrHtml(String accept) throws IOException {
		String header = "Accept: " + accept + "\r\n";
		String json = header + "Content-Type: application/json\r\n";

		assertProblem(send("GET", "/users/999999", header, null), HttpStatus.NOT_FOUND, "/users/999999");
		assertProblem(send("GET", "/nope", header, null), HttpStatus.NOT_FOUND, "/nope");
		assertProblem(send("GET", "/users?limit=0", header, null), HttpStatus.BAD_REQUEST, "/users");
		assertProblem(send("PUT", "/users/" + this.alice, json, "{}"), HttpStatus.METHOD_NOT_ALLOWED,
				"/users/" + this.alice);
		assertProblem(send("POST", "/users", json, "{\"username\":\"ALICE\",\"password\":\"password1\"}"),
				HttpStatus.CONFLICT, "/users");
		assertRefused(send("POST", "/users", header + "Content-Type: text/plain\r\n", USER), "/users");
		Response list = send("GET", "/users", header, null);
		assertThat(list.status()).as(list.body()).isLessThan(500);
		if (list.status() >= 400) {
			assertThat(list.contentType()).startsWith("application/problem+json");
		}
	}

	private Response send(String method, String path, String headers, String body) throws IOException {
		return send(method, path, headers, body, true);
	}

	private Response send(String method, String path, String headers, String body, boolean withLength)
			throws IOException {
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null;
		String length = (bytes != null && withLength) ? "Content-Length: " + bytes.length + "\r\n" : "";
		String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + this.authorization
				+ headers + length + "\r\n";
		return RawConnection.exchange(this.port, head, bytes);
	}

	private static void assertRefused(Response response, String instance) {
		assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, instance);
		assertThat(response.headers().get("accept")).contains("application/json");
	}

	private static JsonNode assertProblem(Response response, HttpStatus status, String instance) {
		assertThat(response.status()).as(response.body()).isEqualTo(status.value());
		assertThat(response.contentType()).startsWith("application/problem+json");
		ProblemAssertions.assertNoInternals(response.body());
		JsonNode problem = Json.parse(response.body());
		ProblemAssertions.assertShape(problem, status, instance);
		return problem;
	}

	private void assertUnchanged(Map<String, Object> userBefore, Map<String, Object> taskBefore) {
		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.seeds.count("tasks")).isOne();
		assertThat(this.jdbc.queryForMap("select * from users where id = ?", this.alice)).isEqualTo(userBefore);
		assertThat(this.jdbc.queryForMap("select * from tasks where id = ?", this.task)).isEqualTo(taskBefore);
	}

}
