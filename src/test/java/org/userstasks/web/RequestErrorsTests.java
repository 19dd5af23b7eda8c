package org.userstasks.web;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.userstasks.web.DomainErrorsTests.assertProblem;

/**
 * What this layer's own checks refuse, as problems.
 */
class RequestErrorsTests {

	private final RequestErrors errors = new RequestErrors();

	@Test
	void nullPropertiesAreOneFieldErrorEach() {
		ResponseEntity<Object> response = this.errors.nullProperty(new NullProperty(List.of("title", "completed")));

		assertProblem(response, HttpStatus.BAD_REQUEST, "completed must not be null; title must not be null");
		assertThat(((ProblemDetail) response.getBody()).getProperties()).extractingByKey("errors")
			.asInstanceOf(list(FieldError.class))
			.containsExactly(new FieldError("completed", "must not be null"),
					new FieldError("title", "must not be null"));
	}

	@Test
	void aBodyPastTheLimitIsA413() {
		assertProblem(this.errors.tooLarge(new PayloadTooLarge()), HttpStatus.CONTENT_TOO_LARGE,
				"request body is larger than 1 MiB");
	}

	@Test
	void anUnparsableQueryKeepsTheContainersClientErrorStatus() {
		assertProblem(this.errors.unreadableQuery(new InvalidParameterException("too many", 413)),
				HttpStatus.CONTENT_TOO_LARGE, "the query string could not be parsed");
		assertProblem(this.errors.unreadableQuery(new InvalidParameterException("bad %zz")), HttpStatus.BAD_REQUEST,
				"the query string could not be parsed");
	}

}
