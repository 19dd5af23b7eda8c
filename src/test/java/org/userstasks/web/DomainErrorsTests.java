package org.userstasks.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import org.userstasks.kernel.Conflict;
import org.userstasks.kernel.NotFound;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feature's failure of either kind becomes its status, with the exception's message as
 * the detail.
 */
class DomainErrorsTests {

	private final DomainErrors errors = new DomainErrors();

	@Test
	void somethingNotFoundIsA404NamingIt() {
		ResponseEntity<Object> response = this.errors.notFound(new NotFound("thing 7 not found") {
		});

		assertProblem(response, HttpStatus.NOT_FOUND, "thing 7 not found");
	}

	@Test
	void aConflictIsA409SayingWhy() {
		ResponseEntity<Object> response = this.errors.conflict(new Conflict("name x is taken") {
		});

		assertProblem(response, HttpStatus.CONFLICT, "name x is taken");
	}

	static void assertProblem(ResponseEntity<Object> response, HttpStatus status, String detail) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class, (problem) -> {
			assertThat(problem.getStatus()).isEqualTo(status.value());
			assertThat(problem.getDetail()).isEqualTo(detail);
		});
	}

}
