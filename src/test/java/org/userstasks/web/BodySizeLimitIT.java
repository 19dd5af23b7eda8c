package org.userstasks.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.ProblemAssertions;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body over 1 MiB is a 413 as problem+json, whether its length is declared or it comes
 * chunked. Over real HTTP: the limit is enforced partly by the servlet container.
 */
@IntegrationTest
class BodySizeLimitIT {

	private static final int MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void refusesTwoMebibytesWithContentLength() throws Exception {
		byte[] body = userWithPasswordOfSize(2 * MIB);

		HttpResponse<String> response = post("/users", BodyPublishers.ofByteArray(body));

		assertTooLarge(response, "/users");
		assertThat(this.seeds.count("users")).isZero();
	}

	@Test
	void refusesTwoMebibytesChunked() throws Exception {
		byte[] body = userWithPasswordOfSize(2 * MIB);

		// An input stream publisher has no known length, so the body is sent chunked.
		HttpResponse<String> response = post("/users",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertTooLarge(response, "/users");
		assertThat(this.seeds.count("users")).isZero();
	}

	@Test
	void refusesALargeTaskBody() throws Exception {
		long alice = this.seeds.user("alice");
		String token = this.seeds.token(alice);
		String path = "/users/" + alice + "/tasks";
		byte[] body = ("{\"title\":\"" + "t".repeat(2 * MIB) + "\"}").getBytes(StandardCharsets.UTF_8);

		assertTooLarge(post(path, BodyPublishers.ofByteArray(body), token), path);
		assertTooLarge(post(path, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), token), path);
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void judgesTheTokenBeforeTheBodySize() throws Exception {
		long alice = this.seeds.user("alice");
		String path = "/users/" + alice + "/tasks";
		byte[] body = ("{\"title\":\"" + "t".repeat(2 * MIB) + "\"}").getBytes(StandardCharsets.UTF_8);

		assertThat(post(path, BodyPublishers.ofByteArray(body), null).statusCode()).isEqualTo(401);
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void readsABodyOfExactlyOneMebibyte() throws Exception {
		byte[] body = userWithPasswordOfSize(MIB);

		// Read and judged on its content: the password is too long, not the body.
		HttpResponse<String> response = post("/users", BodyPublishers.ofByteArray(body));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("password");
	}

	private HttpResponse<String> post(String path, BodyPublisher body) throws IOException, InterruptedException {
		return post(path, body, null);
	}

	private HttpResponse<String> post(String path, BodyPublisher body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static void assertTooLarge(HttpResponse<String> response, String path) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		ProblemAssertions.assertNoInternals(response.body());
		JsonNode problem = Json.parse(response.body());
		ProblemAssertions.assertShape(problem, HttpStatus.CONTENT_TOO_LARGE, path);
		assertThat(problem.get("detail").asString()).contains("1 MiB");
	}

	/**
	 * A user body of exactly {@code size} bytes, padded in the password.
	 */
	private static byte[] userWithPasswordOfSize(int size) {
		byte[] head = "{\"username\":\"big\",\"password\":\"".getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'p');
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, size - tail.length, tail.length);
		return body;
	}

}
