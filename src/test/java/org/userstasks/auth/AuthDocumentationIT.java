package org.userstasks.auth;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document names the bearer scheme and which operations need it, so that
 * Swagger UI's "Authorize" sends the token, and documents what sign-in answers.
 */
@IntegrationTest
class AuthDocumentationIT {

	@Autowired
	MockMvcTester mvc;

	private JsonNode document;

	@BeforeEach
	void load() {
		this.document = Json.body(this.mvc.get().uri("/v3/api-docs").exchange());
	}

	@Test
	void declaresTheBearerScheme() {
		JsonNode scheme = this.document.at("/components/securitySchemes/bearer");

		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void declaresSecurityPerOperationPublicOnesWithNone() {
		assertThat(operation("/users", "post").path("security").toString()).isEqualTo("[]");
		assertThat(operation("/tokens", "post").path("security").toString()).isEqualTo("[]");
		for (String[] secured : new String[][] { { "/users", "get" }, { "/users/{id}", "patch" },
				{ "/tasks/{id}", "delete" }, { "/tokens/current", "delete" } }) {
			assertThat(operation(secured[0], secured[1]).path("security").toString()).as(secured[1] + " " + secured[0])
				.isEqualTo("[{\"bearer\":[]}]");
		}
		assertThat(this.document.path("security").isMissingNode()).as("no document-wide default").isTrue();
	}

	@Test
	void documentsTheStatusesOfSignIn() {
		JsonNode signIn = operation("/tokens", "post").path("responses");
		assertThat(signIn.properties()).extracting(java.util.Map.Entry::getKey)
			.contains("200", "400", "401", "429", "503");
		assertThat(signIn.at("/200/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Token");
		assertThat(signIn.at("/429/headers/Retry-After").isObject()).isTrue();
		assertThat(operation("/users/{id}", "patch").path("responses").has("403")).isTrue();
		assertThat(operation("/users/{id}", "get").path("responses").has("403")).isFalse();
		assertThat(operation("/tasks", "get").path("responses").has("401")).isTrue();
	}

	private JsonNode operation(String path, String method) {
		return this.document.path("paths").path(path).path(method);
	}

}
