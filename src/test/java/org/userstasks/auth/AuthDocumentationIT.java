package org.userstasks.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document names the bearer scheme and which operations need it, so that
 * Swagger UI's "Authorize" sends the token, and documents what sign-in answers.
 */
@IntegrationTest
class AuthDocumentationIT {

	@Autowired
	MockMvcTester mvc;

	private MvcTestResult document;

	@BeforeEach
	void load() {
		this.document = this.mvc.get().uri("/v3/api-docs").exchange();
	}

	@Test
	void declaresTheBearerScheme() {
		document().extractingPath("$.components.securitySchemes.bearer.type").isEqualTo("http");
		document().extractingPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
	}

	@Test
	void declaresSecurityPerOperationPublicOnesWithNone() {
		document().extractingPath(operation("/users", "post") + ".security").isEqualTo(List.of());
		document().extractingPath(operation("/tokens", "post") + ".security").isEqualTo(List.of());
		for (String[] secured : new String[][] { { "/users", "get" }, { "/users/{id}", "patch" },
				{ "/tasks/{id}", "delete" }, { "/tokens/current", "delete" } }) {
			document().extractingPath(operation(secured[0], secured[1]) + ".security")
				.as(secured[1] + " " + secured[0])
				.isEqualTo(List.of(Map.of("bearer", List.of())));
		}
		document().as("no document-wide default").doesNotHavePath("$.security");
	}

	@Test
	void documentsTheStatusesOfSignIn() {
		String signIn = operation("/tokens", "post") + ".responses";
		document().extractingPath(signIn).asMap().containsKeys("200", "400", "401", "429", "503");
		document().extractingPath(signIn + "['200'].content['application/json'].schema['$ref']")
			.isEqualTo("#/components/schemas/Token");
		document().extractingPath(signIn + "['429'].headers['Retry-After']").asMap().isNotNull();
		document().hasPath(operation("/users/{id}", "patch") + ".responses['403']");
		document().doesNotHavePath(operation("/users/{id}", "get") + ".responses['403']");
		document().hasPath(operation("/tasks", "get") + ".responses['401']");
	}

	private AbstractJsonContentAssert<?> document() {
		return assertThat(this.document).bodyJson();
	}

	private static String operation(String path, String method) {
		return "$.paths['" + path + "']." + method;
	}

}
