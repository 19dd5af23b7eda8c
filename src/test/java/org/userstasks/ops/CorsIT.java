package org.userstasks.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS with {@code app.cors.allowed-origins} set to
 * {@link IntegrationTest#ALLOWED_ORIGIN}.
 */
@IntegrationTest
class CorsIT {

	private static final String ALLOWED = IntegrationTest.ALLOWED_ORIGIN;

	private static final String OTHER = "https://elsewhere.example";

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	@LocalServerPort
	int port;

	private String bearer;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.bearer = "Bearer " + this.seeds.token(this.seeds.user("alice"));
	}

	@Test
	void answersAPreflightFromAnAllowedOrigin() {
		assertThat(this.mvc.options()
			.uri("/users/1")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-request-id")).hasStatusOk()
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,PATCH,DELETE")
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "content-type, x-request-id");
	}

	@Test
	void letsAnAllowedOriginReadTheResponseAndItsHeaders() {
		long user = this.seeds.user("cors");
		this.seeds.tasks(user, 3);

		assertThat(this.mvc.get()
			.uri("/tasks?limit=2")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header(HttpHeaders.ORIGIN, ALLOWED)).hasStatusOk()
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Link, Location, X-Request-Id")
			.containsHeader(HttpHeaders.LINK);
		assertThat(this.mvc.post()
			.uri("/users")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"browser\",\"password\":\"password1\"}")).hasStatus(HttpStatus.CREATED)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED);
	}

	@Test
	void refusesAnotherOriginWithAProblem() {
		assertThat(this.mvc.get()
			.uri("/users")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header(HttpHeaders.ORIGIN, OTHER)).hasStatus(HttpStatus.FORBIDDEN)
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.instance")
			.isEqualTo("/users");
	}

	@Test
	void refusesAPreflightFromAnotherOriginWithAProblem() throws Exception {
		assertThat(this.mvc.options()
			.uri("/users")
			.header(HttpHeaders.ORIGIN, OTHER)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")).hasStatus(HttpStatus.FORBIDDEN)
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

		// Over HTTP, where the container renders the refusal's error page.
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/users"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header(HttpHeaders.ORIGIN, OTHER)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(response.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEmpty();
		assertThat(response.body()).contains("\"instance\":\"/users\"", "\"status\":403");
	}

	@Test
	void refusesAPreflightForAMethodNotAllowed() {
		assertThat(this.mvc.options()
			.uri("/users/1")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void sendsNoCorsHeadersToRequestsWithoutAnOrigin() {
		assertThat(this.mvc.get().uri("/users").header(HttpHeaders.AUTHORIZATION, this.bearer)).hasStatusOk()
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
