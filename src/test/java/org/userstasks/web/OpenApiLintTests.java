package org.userstasks.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document (the one the service serves, as OpenApiDocumentIT
 * checks) passes a real OpenAPI parser without a message, and keeps the rules that
 * validators, mock servers and client generators rely on: what it accepts, the service
 * accepts too, and every response it can get is described.
 */
class OpenApiLintTests {

	private static final Path DOCUMENT = Path.of("docs/openapi.json");

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
			"trace");

	private static String text;

	private static JsonNode document;

	@BeforeAll
	static void read() throws IOException {
		text = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		document = JsonMapper.builder().build().readTree(text);
	}

	@Test
	void parsesWithoutAnyMessageFromSwaggerParser() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setValidateInternalRefs(true);

		SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getSpecVersion().name()).isEqualTo("V31");
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/users", "/users/{id}", "/users/{id}/tasks", "/tasks",
				"/tasks/{id}");
	}

	@Test
	void namesItsLicense() {
		assertThat(document.at("/info/license/name").asString()).isEqualTo("Apache-2.0");
		assertThat(document.at("/info/license/url").asString())
			.isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
		assertThat(Path.of("LICENSE")).content().contains("Apache License", "Version 2.0");
	}

	@Test
	void anchorsEveryPatternAtBothEnds() {
		List<String> patterns = new ArrayList<>();
		walk(document, "", (path, node) -> {
			if (node.has("pattern") && node.get("pattern").isString()) {
				patterns.add(path + " " + node.get("pattern").asString());
			}
		});

		assertThat(patterns).isNotEmpty().allSatisfy((pattern) -> assertThat(pattern).matches("\\S+ \\^.*\\$"));
		// A name with a space must not match what the service refuses.
		String username = document.at("/components/schemas/NewUser/properties/username/pattern").asString();
		assertThat("bad name!").doesNotMatch(username);
		assertThat("alice.b_c-1").matches(username);
	}

	@Test
	void closesEveryRequestBodyAndGivesItNoDefaults() {
		Map<String, JsonNode> bodies = new TreeMap<>();
		forEachOperation((name, operation) -> operation.path("requestBody")
			.path("content")
			.properties()
			.forEach((media) -> bodies.put(name + " " + media.getKey(), resolve(media.getValue().path("schema")))));

		assertThat(bodies).hasSize(5);
		bodies.forEach((name, schema) -> {
			assertThat(schema.path("additionalProperties").isBoolean()).as(name).isTrue();
			assertThat(schema.path("additionalProperties").asBoolean(true)).as(name).isFalse();
			schema.path("properties")
				.properties()
				.forEach((property) -> assertThat(property.getValue().has("default"))
					.as(name + " " + property.getKey() + " has a default: generators make it required")
					.isFalse());
		});
	}

	@Test
	void marksWhatTheServiceAssignsAsReadOnly() {
		for (String schema : List.of("User", "Task")) {
			for (String property : List.of("id", "createdAt", "updatedAt")) {
				assertThat(document.at("/components/schemas/" + schema + "/properties/" + property + "/readOnly")
					.asBoolean(false)).as(schema + "." + property).isTrue();
			}
		}
		assertThat(document.at("/components/schemas/Task/properties/title/readOnly").isMissingNode()).isTrue();
	}

	@Test
	void declaresEveryIdAsA64BitInteger() {
		List<String> ids = new ArrayList<>();
		walk(document, "", (path, node) -> {
			boolean named = path.endsWith("/id") || path.endsWith("Id") || path.endsWith("/after");
			if (named && "integer".equals(node.path("type").asString())) {
				ids.add(path);
				assertThat(node.path("format").asString()).as(path).isEqualTo("int64");
			}
		});
		forEachOperation((name, operation) -> operation.path("parameters").forEach((parameter) -> {
			if (parameter.path("name").asString().equals("id") || parameter.path("name").asString().endsWith("Id")) {
				ids.add(name + " " + parameter.path("name").asString());
				assertThat(parameter.at("/schema/format").asString()).as(name).isEqualTo("int64");
			}
		}));
		assertThat(ids).hasSizeGreaterThan(5);
		assertThat(document.at("/info/description").asString()).contains("2^53");
	}

	@Test
	void declaresTheRequestIdOnEveryResponse() {
		assertThat(document.at("/components/headers/X-Request-Id/schema/type").asString()).isEqualTo("string");
		forEachResponse((name, response) -> assertThat(response.at("/headers/X-Request-Id/$ref").asString()).as(name)
			.isEqualTo("#/components/headers/X-Request-Id"));
	}

	@Test
	void answersSuccessesInJsonAndErrorsInProblemJson() {
		List<String> errors = new ArrayList<>();
		forEachResponse((name, response) -> {
			String status = name.substring(name.lastIndexOf(' ') + 1);
			Set<String> media = names(response.path("content"));
			if (status.startsWith("4") || status.startsWith("5")) {
				errors.add(name);
				assertThat(media).as(name).containsExactly("application/problem+json");
				assertThat(response.at("/content/application~1problem+json/schema/$ref").asString()).as(name)
					.isEqualTo("#/components/schemas/Problem");
			}
			else if (!media.isEmpty()) {
				assertThat(media).as(name).containsExactly("application/json");
			}
		});
		assertThat(errors).contains("GET /users 406", "POST /users 413", "POST /users 415", "GET /tasks/{id} 503",
				"DELETE /tasks/{id} 503");
		assertThat(errors).doesNotContain("DELETE /tasks/{id} 406");
	}

	@Test
	void documentsTheStatusesEveryOperationCanGet() {
		forEachOperation((name, operation) -> {
			Set<String> statuses = names(operation.path("responses"));
			assertThat(statuses).as(name).contains("400", "500", "503");
			assertThat(operation.at("/responses/503/headers/Retry-After").isObject()).as(name).isTrue();
			if (operation.has("requestBody")) {
				assertThat(statuses).as(name).contains("413", "415");
			}
			if (statuses.contains("200") || statuses.contains("201")) {
				assertThat(statuses).as(name).contains("406");
			}
			assertThat(operation.path("operationId").asString()).as(name).isNotBlank();
			assertThat(operation.path("summary").asString()).as(name).isNotBlank();
		});
	}

	/**
	 * Redocly's "security-defined": every operation says who may call it (public ones
	 * with an empty list), against a bearer scheme the document defines.
	 */
	@Test
	void declaresSecurityOnEveryOperation() {
		JsonNode schemes = document.path("components").path("securitySchemes");
		assertThat(schemes.properties()).anySatisfy((scheme) -> {
			assertThat(scheme.getValue().path("type").asString()).isEqualTo("http");
			assertThat(scheme.getValue().path("scheme").asString()).isEqualTo("bearer");
		});
		forEachOperation((name, operation) -> {
			assertThat(operation.path("security").isArray()).as(name).isTrue();
			operation.path("security")
				.forEach((requirement) -> requirement.propertyNames()
					.forEach((scheme) -> assertThat(schemes.has(scheme)).as(name + " " + scheme).isTrue()));
		});
	}

	@Test
	void describesEveryTag() {
		assertThat(document.path("tags")).isNotEmpty()
			.allSatisfy((tag) -> assertThat(tag.path("description").asString()).as(tag.path("name").asString())
				.isNotBlank());
	}

	private static JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.startsWith("#") ? document.at(ref.substring(1)) : schema;
	}

	private static void forEachOperation(BiConsumer<String, JsonNode> action) {
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (METHODS.contains(method.getKey())) {
				action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
			}
		}));
	}

	private static void forEachResponse(BiConsumer<String, JsonNode> action) {
		forEachOperation((name, operation) -> operation.path("responses")
			.properties()
			.forEach((response) -> action.accept(name + " " + response.getKey(), response.getValue())));
	}

	private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> action) {
		if (node.isObject()) {
			action.accept(path, node);
			node.properties().forEach((entry) -> walk(entry.getValue(), path + "/" + entry.getKey(), action));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), path + "/" + i, action);
			}
		}
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new java.util.TreeSet<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

}
