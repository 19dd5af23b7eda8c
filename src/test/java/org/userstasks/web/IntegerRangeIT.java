package org.userstasks.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integer too large for an id is still an integer: the 400 says it is out of range,
 * not that it is not a number.
 */
@IntegrationTest
class IntegerRangeIT {

	private static final String TOO_LARGE = "is out of range: must be at most 9223372036854775807";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	// Every request is signed in: the contract answers 401 first to one without a token.
	private String bearer;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.bearer = "Bearer " + this.seeds.token(this.seeds.user("reader"));
	}

	@Test
	void saysATwentyDigitPathIdIsOutOfRange() {
		assertError("/users/12345678901234567890", "id", TOO_LARGE);
		assertError("/tasks/9223372036854775808", "id", TOO_LARGE);
	}

	@Test
	void saysATooLargeQueryIdIsOutOfRange() {
		assertError("/tasks?userId=12345678901234567890", "userId", TOO_LARGE);
		assertError("/tasks?after=99999999999999999999", "after", TOO_LARGE);
		assertError("/tasks?limit=99999999999", "limit", PageLimit.MESSAGE);
	}

	@Test
	void stillSaysANonNumberIsNotAnInteger() {
		assertError("/tasks/12a", "id", "must be an integer");
		assertError("/tasks?after=1.5", "after", "must be an integer");
	}

	@Test
	void saysATooLargeIdInABodyIsOutOfRange() {
		long user = this.seeds.user("ranged");
		long task = this.seeds.task(user, "t", false);

		assertThat(this.mvc.patch()
			.header("Authorization", this.bearer)
			.uri("/tasks/" + task)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":12345678901234567890}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo(java.util.Map.of("field", "userId", "message", TOO_LARGE));
	}

	private void assertError(String uri, String field, String message) {
		assertThat(this.mvc.get().header("Authorization", this.bearer).uri(uri)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo(java.util.Map.of("field", field, "message", message));
	}

}
