package org.userstasks.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Successes are application/json and errors application/problem+json, whatever else the
 * classpath could write: an Accept that allows neither gets a 406 problem.
 */
@IntegrationTest
class ContentNegotiationIT {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	private long user;

	// Every request is signed in: the contract answers 401 first to one without a token.
	private String bearer;

	@BeforeEach
	void seed() {
		this.seeds.reset();
		this.user = this.seeds.user("negotiated");
		this.bearer = "Bearer " + this.seeds.token(this.user);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "application/json", "application/json;q=0.5, text/html",
			"text/html, application/json;q=0.1", "application/json;charset=UTF-8" })
	void answersJsonToAnAcceptThatAllowsIt(String accept) {
		// With the charset that was asked for, if any, but never a +json type.
		assertThat(this.mvc.get()
			.header("Authorization", this.bearer)
			.uri("/users/" + this.user)
			.header(HttpHeaders.ACCEPT, accept)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.satisfies((result) -> assertThat(result.getResponse().getContentType()).startsWith("application/json"))
			.bodyJson()
			.extractingPath("$.username")
			.isEqualTo("negotiated");
	}

	@Test
	void answersJsonWithoutAnAcceptHeader() {
		assertThat(this.mvc.get().header("Authorization", this.bearer).uri("/users")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON);
		assertThat(this.mvc.post()
			.header("Authorization", this.bearer)
			.uri("/users/" + this.user + "/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"t\"}")).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/yaml", "application/xml", "text/xml", "application/cbor",
			"application/x-jackson-smile", "text/html", "text/plain", "application/problem+json" })
	void refusesAnAcceptThatAllowsNeitherJsonTypeWithA406Problem(String accept) {
		assertThat(this.mvc.get()
			.header("Authorization", this.bearer)
			.uri("/users/" + this.user)
			.header(HttpHeaders.ACCEPT, accept)).hasStatus(HttpStatus.NOT_ACCEPTABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(406);
	}

	@Test
	void neverLabelsASuccessAsAProblem() {
		assertThat(this.mvc.get()
			.header("Authorization", this.bearer)
			.uri("/tasks")
			.header(HttpHeaders.ACCEPT, "application/problem+json")).hasStatus(HttpStatus.NOT_ACCEPTABLE);
		assertThat(this.mvc.post()
			.header("Authorization", this.bearer)
			.uri("/users")
			.header(HttpHeaders.ACCEPT, "application/problem+json")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"labelled\",\"password\":\"password1\"}")).hasStatus(HttpStatus.NOT_ACCEPTABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "application/yaml", "application/problem+json", "text/html" })
	void answersErrorsAsProblemsWhateverTheAccept(String accept) {
		assertThat(this.mvc.get()
			.header("Authorization", this.bearer)
			.uri("/users/999999")
			.header(HttpHeaders.ACCEPT, accept)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post()
			.header("Authorization", this.bearer)
			.uri("/users/" + this.user + "/tasks")
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\" \"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void deletesWhateverTheAcceptSinceNoBodyIsWritten() {
		long task = this.seeds.task(this.user, "gone", false);

		assertThat(this.mvc.delete()
			.header("Authorization", this.bearer)
			.uri("/tasks/" + task)
			.header(HttpHeaders.ACCEPT, "application/xml")).hasStatus(HttpStatus.NO_CONTENT);
	}

}
