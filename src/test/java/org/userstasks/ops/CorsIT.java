package org.userstasks.ops;

import java.io.IOException;
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
import org.userstasks.testing.RawConnection;
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
			.hasHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					"Link, Location, X-Request-Id, ETag, WWW-Authenticate, Retry-After")
			.hasHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN)
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
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base() + "/users"))
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
	void allowsTheHeadersOfTokensConditionalRequestsAndRequestIds() {
		assertThat(this.mvc.options()
			.uri("/tasks/1")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,if-match,if-none-match,x-request-id"))
			.hasStatusOk()
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					"authorization, if-match, if-none-match, x-request-id");
	}

	@Test
	void answersAPreflightOfAnUnknownPathItselfWithoutAdvertisingOtherMethods() {
		assertThat(this.mvc.options()
			.uri("/nope")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")).hasStatusOk()
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,PATCH,DELETE")
			.doesNotContainHeader(HttpHeaders.ALLOW);
		assertThat(this.mvc.options()
			.uri("/users")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")).hasStatusOk()
			.doesNotContainHeader(HttpHeaders.ALLOW);
	}

	@Test
	void refusesAPreflightForAHeaderNotAllowedWithAProblem() {
		assertThat(this.mvc.options()
			.uri("/users")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-secret")).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void letsAnAllowedOriginReadErrorsThatNoHandlerAnswers() {
		// No such path, and paths without the method: the page that sent them can read
		// the problem.
		assertThat(this.mvc.get()
			.uri("/nope")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED);
		assertThat(this.mvc.post()
			.uri("/tasks")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED);
		assertThat(this.mvc.put()
			.uri("/users")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					"Link, Location, X-Request-Id, ETag, WWW-Authenticate, Retry-After");
	}

	@Test
	void refusesAWildcardContentTypeFromAnAllowedOriginWithA415() {
		// The CORS checks must not trip over a Content-Type that the body check refuses.
		assertThat(this.mvc.delete()
			.uri("/tasks/1")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header(HttpHeaders.CONTENT_TYPE, "*/*")
			.content("{}")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED);
	}

	@Test
	void letsAnAllowedOriginReadErrorsRaisedByAFilterOverHttp() throws Exception {
		// The body limit refuses before Spring MVC; the container renders the error page
		// afterwards.
		String response = rawRequest("POST /users/1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + ALLOWED
				+ "\r\nAuthorization: " + this.bearer + "\r\nContent-Type: application/json\r\nContent-Length: "
				+ (2 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response.toLowerCase()).contains("access-control-allow-origin: " + ALLOWED,
				"access-control-expose-headers: link, location, x-request-id",
				"content-type: application/problem+json");

		HttpResponse<String> notFound = client.send(HttpRequest.newBuilder(URI.create(base() + "/nope"))
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).hasValue(ALLOWED);
		assertThat(notFound.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
	}

	@Test
	void letsAnAllowedOriginReadTheUnauthorizedOfTheSecurityFilters() throws Exception {
		for (String authorization : new String[] { null, "Bearer ut_forged", "Basic YWxpY2U6c2VjcmV0" }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/users"))
				.header(HttpHeaders.ORIGIN, ALLOWED)
				.timeout(Duration.ofSeconds(10));
			if (authorization != null) {
				request.header(HttpHeaders.AUTHORIZATION, authorization);
			}

			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(authorization).isEqualTo(401);
			assertThat(response.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).hasValue(ALLOWED);
			assertThat(response.headers().firstValue(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS).orElseThrow())
				.contains("WWW-Authenticate");
			assertThat(response.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE)).isPresent();
			assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		}
	}

	@Test
	void answersAPreflightOfAnUnknownPathOverHttp() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base() + "/nope/deeper"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).hasValue(ALLOWED);
		assertThat(response.headers().firstValue(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
			.hasValue("GET,POST,PATCH,DELETE");
		assertThat(response.headers().firstValue(HttpHeaders.ALLOW)).isEmpty();
		assertThat(response.headers().allValues(HttpHeaders.VARY)).contains(HttpHeaders.ORIGIN);
	}

	@Test
	void refusesAPreflightForAMethodNotAllowed() {
		assertThat(this.mvc.options()
			.uri("/users/1")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")).hasStatus(HttpStatus.FORBIDDEN);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	// Read up to the end of the response, not of the connection: Tomcat may keep it open
	// to read the body that the request announced and never sends.
	private String rawRequest(String head) throws IOException {
		try (RawConnection connection = new RawConnection(this.port, Duration.ofSeconds(10))) {
			connection.write(head);
			return connection.readResponse();
		}
	}

	@Test
	void sendsNoCorsHeadersToRequestsWithoutAnOrigin() {
		assertThat(this.mvc.get().uri("/users").header(HttpHeaders.AUTHORIZATION, this.bearer)).hasStatusOk()
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
