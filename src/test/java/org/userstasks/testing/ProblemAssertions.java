package org.userstasks.testing;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that an error response is an RFC 9457 problem as the contract describes it.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * Asserts the status, the problem+json content type and the standard members, and
	 * returns the body for further checks.
	 */
	public static JsonNode assertProblem(MvcTestResult result, HttpStatus status, String instance) {
		assertThat(result).hasStatus(status);
		assertThat(result.getResponse().getContentType()).isNotNull();
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
			.satisfies((type) -> assertThat(type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		String text = Json.text(result);
		assertNoInternals(text);
		JsonNode problem = Json.parse(text);
		assertShape(problem, status, instance);
		if (status != HttpStatus.BAD_REQUEST) {
			assertThat(problem.has("errors")).as("errors only for invalid input").isFalse();
		}
		return problem;
	}

	/**
	 * The members every problem has, in the contract's order, then {@code errors} when
	 * fields were invalid, then the request id.
	 */
	public static void assertShape(JsonNode problem, HttpStatus status, String instance) {
		List<String> expected = new ArrayList<>(List.of("type", "title", "status", "detail", "instance"));
		if (problem.has("errors")) {
			expected.add("errors");
		}
		// requestId is an extension member, present whenever the request went through
		// the request id filter.
		if (problem.has("requestId")) {
			expected.add("requestId");
			assertThat(problem.get("requestId").asString()).isNotBlank();
		}
		assertThat(Json.names(problem)).containsExactlyElementsOf(expected);
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo(status.getReasonPhrase());
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo(instance);
	}

	/**
	 * A 400 whose {@code errors} name exactly these fields, one entry each.
	 */
	public static JsonNode assertInvalid(MvcTestResult result, String instance, String... fields) {
		JsonNode problem = assertProblem(result, HttpStatus.BAD_REQUEST, instance);
		assertThat(problem.has("errors")).as("errors present").isTrue();
		assertThat(fields(problem)).containsExactlyInAnyOrder(fields);
		problem.get("errors").forEach((error) -> {
			assertThat(Json.names(error)).containsExactly("field", "message");
			assertThat(error.get("message").asString()).isNotBlank();
		});
		return problem;
	}

	public static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	/**
	 * No stack trace, SQL or Java class name reaches a client.
	 */
	public static void assertNoInternals(String body) {
		assertThat(body).doesNotContain("Exception", "\tat ", "org.", "java.", "jakarta.", "tools.jackson", "select ",
				"insert ", "SQL");
	}

}
