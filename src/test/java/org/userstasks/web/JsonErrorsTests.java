package org.userstasks.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

/**
 * The exceptions Jackson really throws for bad bodies, read with the service's own JSON
 * settings, become the problems the contract asks for.
 */
class JsonErrorsTests {

	private final JsonMapper json = strictMapper();

	@Test
	void anUnknownPropertyIsNotAKnownProperty() {
		ProblemDetail problem = problemReading("{\"title\":\"t\",\"colour\":\"red\"}", Body.class);

		assertFieldError(problem, "colour", "is not a known property");
	}

	@Test
	void aPropertyTheBodyDeclaresReadOnlyIsNotWritable() {
		ProblemDetail problem = problemReading("{\"title\":\"t\",\"createdAt\":\"2024-01-01T00:00:00Z\"}", Body.class);

		assertFieldError(problem, "createdAt", "is not writable");
	}

	@Test
	void readOnlyNamesAreThoseOfTheBodyBeingRead() {
		ProblemDetail problem = problemReading("{\"createdAt\":\"2024-01-01T00:00:00Z\"}", Unmarked.class);

		assertFieldError(problem, "createdAt", "is not a known property");
	}

	@Test
	void aValueOfTheWrongJsonTypeNamesTheTypeExpected() {
		assertFieldError(problemReading("{\"title\":5}", Body.class), "title", "must be a string");
		assertFieldError(problemReading("{\"completed\":\"true\"}", Body.class), "completed", "must be a boolean");
		assertFieldError(problemReading("{\"userId\":\"5\"}", Body.class), "userId", "must be an integer");
	}

	@Test
	void aFieldInsideAnArrayIsNamedByItsPath() {
		ProblemDetail problem = problemReading("{\"tags\":[\"a\",{}]}", Body.class);

		assertFieldError(problem, "tags[1]", "must be a string");
	}

	@Test
	void malformedJsonIsNotValidJson() {
		ProblemDetail problem = problemReading("{\"title\":", Body.class);

		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getDetail()).isEqualTo("request body is not valid JSON");
		assertThat(problem.getProperties()).isNull();
	}

	@Test
	void aBodyThatIsNotAnObjectMustBeAJsonObject() {
		ProblemDetail problem = problemReading("[1,2]", Body.class);

		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getDetail()).isEqualTo("request body must be a JSON object");
		assertThat(problem.getProperties()).isNull();
	}

	private ProblemDetail problemReading(String body, Class<?> type) {
		JacksonException ex = catchThrowableOfType(JacksonException.class, () -> this.json.readValue(body, type));
		assertThat(ex).as("Jackson refuses " + body).isNotNull();
		return JsonErrors.problem(ex);
	}

	private static void assertFieldError(ProblemDetail problem, String field, String message) {
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(problem.getDetail()).isEqualTo(field + " " + message);
		assertThat(problem.getProperties()).extractingByKey("errors")
			.asInstanceOf(list(FieldError.class))
			.containsExactly(new FieldError(field, message));
	}

	private static JsonMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		new JsonSettings().strictJson().customize(builder);
		return builder.build();
	}

	@ReadOnlyProperties({ "id", "createdAt" })
	record Body(String title, Boolean completed, Long userId, List<String> tags) {
	}

	record Unmarked(String title) {
	}

}
