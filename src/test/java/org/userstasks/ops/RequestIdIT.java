package org.userstasks.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	@LocalServerPort
	int port;

	private String bearer;

	@BeforeEach
	void seed() {
		this.bearer = "Bearer " + this.seeds.token(this.seeds.user("alice"));
	}

	@Test
	void echoesAWellFormedRequestId() {
		assertThat(this.mvc.get()
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.uri("/users")
			.header("X-Request-Id", "front-end.42_a-B")).hasStatusOk().hasHeader("X-Request-Id", "front-end.42_a-B");
	}

	@Test
	void generatesAnIdWhenTheRequestHasNone() {
		MvcTestResult first = this.mvc.get().header(HttpHeaders.AUTHORIZATION, this.bearer).uri("/users").exchange();
		MvcTestResult second = this.mvc.get().header(HttpHeaders.AUTHORIZATION, this.bearer).uri("/users").exchange();

		assertThat(first.getResponse().getHeader("X-Request-Id")).matches(UUID);
		assertThat(second.getResponse().getHeader("X-Request-Id")).matches(UUID)
			.isNotEqualTo(first.getResponse().getHeader("X-Request-Id"));
	}

	@Test
	void replacesAMalformedRequestId() {
		for (String malformed : new String[] { "has space", "semi;colon", "x".repeat(65), "", "line\tbreak" }) {
			assertThat(this.mvc.get()
				.header(HttpHeaders.AUTHORIZATION, this.bearer)
				.uri("/users")
				.header("X-Request-Id", malformed)
				.exchange()
				.getResponse()
				.getHeader("X-Request-Id")).as(malformed).matches(UUID);
		}
		assertThat(this.mvc.get()
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.uri("/users")
			.header("X-Request-Id", "x".repeat(64))).hasHeader("X-Request-Id", "x".repeat(64));
	}

	@Test
	void problemBodiesCarryTheRequestId() {
		assertThat(this.mvc.get()
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.uri("/users/999999")
			.header("X-Request-Id", "missing-user")).hasStatus(HttpStatus.NOT_FOUND)
			.hasHeader("X-Request-Id", "missing-user")
			.bodyJson()
			.extractingPath("$.requestId")
			.isEqualTo("missing-user");

		MvcTestResult invalid = this.mvc.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"\",\"password\":\"short\"}")
			.exchange();
		assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.requestId")
			.isEqualTo(invalid.getResponse().getHeader("X-Request-Id"));
	}

	@Test
	void errorsRaisedBeforeTheApiCarryTheIdToo() throws Exception {
		HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(uri("/users"))
			.header("Content-Type", "application/json")
			.header("X-Request-Id", "too-large")
			// Refused on its declared length: the body is never sent.
			.expectContinue(true)
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1])));
		HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/no/such/path"))
			.header("X-Request-Id", "unknown-path")
			.header("Authorization", this.bearer)
			.GET());

		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("X-Request-Id")).hasValue("too-large");
		assertThat(problem(tooLarge).path("requestId").asString()).isEqualTo("too-large");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("X-Request-Id")).hasValue("unknown-path");
		assertThat(problem(unknown).path("requestId").asString()).isEqualTo("unknown-path");
	}

	@Test
	void writesOneAccessLogLinePerRequest(CapturedOutput output) {
		long id = this.seeds.user("logged");

		assertThat(this.mvc.get()
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.uri("/users/{id}", id)
			.header("X-Request-Id", "access-log-1")).hasStatusOk();
		assertThat(this.mvc.get()
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.uri("/users/999998")
			.header("X-Request-Id", "access-log-2")).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(output.getOut().lines().filter((line) -> line.contains("org.userstasks.access")))
			.anySatisfy((line) -> assertThat(line).containsPattern(
					"INFO .* \\[access-log-1\\] org\\.userstasks\\.access +: GET /users/" + id + " 200 \\d+\\.\\d+ms$"))
			.anySatisfy((line) -> assertThat(line).containsPattern(
					"INFO .* \\[access-log-2\\] org\\.userstasks\\.access +: GET /users/999998 404 \\d+\\.\\d+ms$"))
			.filteredOn((line) -> line.contains("[access-log-1]"))
			.hasSize(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		return Json.parse(response.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
