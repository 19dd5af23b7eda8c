package org.userstasks.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.Json;
import org.userstasks.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says where ETags come back, which operations take If-Match or
 * If-None-Match, and what 304, 412 and a malformed header (400) mean there.
 */
@IntegrationTest
class ConditionalRequestsDocumentationIT {

	@Autowired
	MockMvcTester mvc;

	private JsonNode paths;

	@BeforeEach
	void loadDocument() {
		this.paths = Json.body(this.mvc.get().uri("/v3/api-docs").exchange()).path("paths");
	}

	@Test
	void documentsTheETagOfEverySingleUserOrTaskResponseAndOfNoList() {
		for (String response : List.of("/users/post/201", "/users~1{id}/get/200", "/users~1{id}/patch/200",
				"/users~1{id}~1tasks/post/201", "/tasks~1{id}/get/200", "/tasks~1{id}/patch/200",
				"/users~1{id}/get/304", "/tasks~1{id}/get/304")) {
			JsonNode etag = at(response).at("/headers/ETag");
			assertThat(etag.path("description").asString()).as(response).contains("entity tag");
			assertThat(etag.at("/schema/type").asString()).as(response).isEqualTo("string");
		}
		for (String list : List.of("/users/get/200", "/tasks/get/200", "/users~1{id}~1tasks/get/200")) {
			assertThat(at(list).at("/headers/ETag").isMissingNode()).as(list).isTrue();
		}
		assertThat(at("/users~1{id}/get/200").at("/headers/ETag/description").asString()).contains("include=tasks");
	}

	@Test
	void documentsIfNoneMatchAndTheNotModifiedOfTheTwoGets() {
		for (String get : List.of("/users~1{id}/get", "/tasks~1{id}/get")) {
			JsonNode operation = operation(get);
			assertThat(header(operation, "If-None-Match").path("required").asBoolean(true)).as(get).isFalse();
			JsonNode notModified = operation.at("/responses/304");
			assertThat(notModified.path("description").asString()).as(get).contains("If-None-Match");
			assertThat(notModified.path("content").isMissingNode()).as(get + " 304 has no body").isTrue();
			assertThat(operation.at("/responses/400/description").asString()).as(get).contains("If-None-Match");
		}
	}

	@Test
	void documentsIfMatchAndThePreconditionFailureOfEveryPatchAndDelete() {
		for (String write : List.of("/users~1{id}/patch", "/users~1{id}/delete", "/tasks~1{id}/patch",
				"/tasks~1{id}/delete")) {
			JsonNode operation = operation(write);
			assertThat(header(operation, "If-Match").path("description").asString()).as(write).contains("412", "weak");
			assertThat(operation.at("/responses/412/description").asString()).as(write).contains("If-Match");
			assertThat(operation.at("/responses/412/content/application~1problem+json/schema/$ref").asString())
				.as(write)
				.isEqualTo("#/components/schemas/Problem");
			assertThat(operation.at("/responses/400/description").asString()).as(write).contains("If-Match");
		}
	}

	@Test
	void documentsNoConditionWhereThereIsNone() {
		for (String other : List.of("/users/get", "/users/post", "/tasks/get", "/users~1{id}~1tasks/get",
				"/users~1{id}~1tasks/post")) {
			JsonNode operation = operation(other);
			assertThat(operation.at("/responses/304").isMissingNode()).as(other).isTrue();
			assertThat(operation.at("/responses/412").isMissingNode()).as(other).isTrue();
			operation.path("parameters")
				.forEach((parameter) -> assertThat(parameter.path("name").asString()).as(other)
					.isNotIn("If-Match", "If-None-Match"));
		}
	}

	/**
	 * A path, method and status, written as {@code /users~1{id}/get/200}.
	 */
	private JsonNode at(String pointer) {
		String[] parts = pointer.substring(1).split("/");
		return this.paths.at("/~1" + parts[0] + "/" + parts[1] + "/responses/" + parts[2]);
	}

	private JsonNode operation(String pointer) {
		String[] parts = pointer.substring(1).split("/");
		JsonNode operation = this.paths.at("/~1" + parts[0] + "/" + parts[1]);
		assertThat(operation.isObject()).as(pointer).isTrue();
		return operation;
	}

	private static JsonNode header(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if ("header".equals(parameter.path("in").asString()) && name.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		throw new AssertionError("no header parameter " + name + " in " + operation.path("operationId").asString());
	}

}
