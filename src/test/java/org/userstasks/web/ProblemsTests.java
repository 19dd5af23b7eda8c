package org.userstasks.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

/**
 * Validation problems list each bad field once, whatever the number of its broken rules.
 */
class ProblemsTests {

	@Test
	void mergesSeveralRulesOfOneFieldIntoOneEntry() {
		ProblemDetail problem = Problems.invalid(List.of(new FieldError("title", "is too long"),
				new FieldError("completed", "must be a boolean"), new FieldError("title", "must not contain NUL")));

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getProperties()).containsOnlyKeys("errors");
		assertThat(problem.getProperties().get("errors")).asInstanceOf(list(FieldError.class))
			.containsExactly(new FieldError("completed", "must be a boolean"),
					new FieldError("title", "is too long; must not contain NUL"));
		assertThat(problem.getDetail())
			.isEqualTo("completed must be a boolean; title is too long; must not contain NUL");
	}

	@Test
	void keepsOneMessageWhenARuleIsReportedTwice() {
		ProblemDetail problem = Problems.invalid(
				List.of(new FieldError("limit", "must be an integer"), new FieldError("limit", "must be an integer")));

		assertThat(problem.getDetail()).isEqualTo("limit must be an integer");
	}

}
