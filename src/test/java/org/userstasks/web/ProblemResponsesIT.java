package org.userstasks.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * Errors outside the endpoints' own rules: unknown paths, unsupported methods and media
 * types, and the Accept header, all answered as problem+json.
 */
@IntegrationTest
class ProblemResponsesIT {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	private long alice;

	@BeforeEach
	void seed() {
		this.seeds.reset();
		this.alice = this.seeds.user("alice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/nope", "/users/1/nope", "/tasks/1/tasks", "/", "/error/x" })
	void answersAnUnknownPathWith404(String path) {
		assertProblem(this.api.get(path), HttpStatus.NOT_FOUND, path);
	}

	// Found by fuzzing: the error page asked for directly is no resource.
	@Test
	void answersTheErrorPathAskedForDirectlyWith404() {
		assertProblem(this.api.get("/error"), HttpStatus.NOT_FOUND, "/error");
	}

	@ParameterizedTest
	@CsvSource({ "DELETE, /users", "PUT, /users/1", "POST, /users/1", "POST, /tasks", "PUT, /tasks/1",
			"DELETE, /users/1/tasks", "PATCH, /users" })
	void answersAnUnsupportedMethodWith405(String method, String path) {
		var result = this.mvc.method(HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();

		assertProblem(result, HttpStatus.METHOD_NOT_ALLOWED, path);
		assertThat(result.getResponse().getHeader(HttpHeaders.ALLOW)).isNotBlank();
		assertThat(this.seeds.count("users")).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/x-www-form-urlencoded",
			"application/octet-stream" })
	void answersABodyThatIsNotJsonWith415(String contentType) {
		String user = "{\"username\":\"bob\",\"password\":\"password1\"}";

		assertProblem(this.mvc.post().uri("/users").contentType(contentType).content(user).exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/users");
		assertProblem(this.mvc.post()
			.uri("/users/" + this.alice + "/tasks")
			.contentType(contentType)
			.content("{\"title\":\"t\"}")
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/users/" + this.alice + "/tasks");
		assertProblem(this.mvc.patch().uri("/users/" + this.alice).contentType(contentType).content(user).exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/users/" + this.alice);

		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void answersABodyWithoutContentTypeWith415() {
		assertProblem(
				this.mvc.post().uri("/users").content("{\"username\":\"bob\",\"password\":\"password1\"}").exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/users");

		assertThat(this.seeds.count("users")).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/xml", "text/plain", "image/png", "application/json" })
	void answersProblemJsonWhateverTheAcceptHeader(String accept) {
		String user = "/users/" + this.alice;
		assertProblem(this.mvc.get().uri("/users/999999").header(HttpHeaders.ACCEPT, accept).exchange(),
				HttpStatus.NOT_FOUND, "/users/999999");
		assertProblem(this.mvc.get().uri("/nope").header(HttpHeaders.ACCEPT, accept).exchange(), HttpStatus.NOT_FOUND,
				"/nope");
		assertProblem(this.mvc.get().uri("/users?limit=0").header(HttpHeaders.ACCEPT, accept).exchange(),
				HttpStatus.BAD_REQUEST, "/users");
		assertProblem(this.mvc.post()
			.uri("/users")
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"ALICE\",\"password\":\"password1\"}")
			.exchange(), HttpStatus.CONFLICT, "/users");
		assertProblem(this.mvc.put().uri(user).header(HttpHeaders.ACCEPT, accept).exchange(),
				HttpStatus.METHOD_NOT_ALLOWED, user);
		assertProblem(this.mvc.patch()
			.uri(user)
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.TEXT_PLAIN)
			.content("x")
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, user);
		assertProblem(this.mvc.patch()
			.uri(user)
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"a b\"}")
			.exchange(), HttpStatus.BAD_REQUEST, user);
	}

}
