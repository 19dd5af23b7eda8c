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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at /v3/api-docs says what the contract says, and the copy
 * committed as docs/openapi.json is the one the code serves. Run with
 * {@code -Dopenapi.write=true} to rewrite the committed copy.
 */
@IntegrationTest
class OpenApiDocumentIT {

	private static final Path CONTRACT = Path.of("docs/api-contract.md");

	private static final Path COMMITTED = Path.of("docs/openapi.json");

	// A row of the contract's endpoint table: | GET | /users | success | errors |
	private static final Pattern ROW = Pattern
		.compile("^\\|\\s*(GET|POST|PATCH|PUT|DELETE)\\s*\\|\\s*(/\\S*)\\s*\\|([^|]*)\\|([^|]*)\\|\\s*$");

	private static final Pattern STATUS = Pattern.compile("\\b[1-5]\\d\\d\\b");

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
			"trace");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	private JsonNode document;

	@BeforeEach
	void loadDocument() {
		this.document = this.json
			.readTree(this.mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsByteArray());
	}

	@Test
	void servesOpenApi31() {
		assertThat(this.document.path("openapi").asString()).startsWith("3.1");
	}

	@Test
	void documentsEveryEndpointOfTheContractWithItsStatusesAndNothingElse() throws IOException {
		Map<String, Set<String>> contract = contractEndpoints();
		assertThat(contract).hasSize(11);

		Map<String, Set<String>> documented = documentedOperations();

		assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(contract.keySet());
		contract.forEach(
				(operation, statuses) -> assertThat(documented.get(operation)).as(operation).containsAll(statuses));
	}

	@Test
	void documentsEveryErrorAsAProblem() {
		List<String> errors = new ArrayList<>();
		forEachOperation((name, operation) -> operation.path("responses").properties().forEach((status) -> {
			if (status.getKey().startsWith("4") || status.getKey().startsWith("5")) {
				errors.add(name + " " + status.getKey());
				assertThat(status.getValue().at("/content/application~1problem+json/schema/$ref").asString())
					.as(name + " " + status.getKey())
					.isEqualTo("#/components/schemas/Problem");
			}
		}));
		assertThat(errors).contains("GET /users 400", "POST /users 409", "GET /tasks/{id} 404");

		JsonNode problem = this.document.at("/components/schemas/Problem/properties");
		assertThat(names(problem)).contains("type", "title", "status", "detail", "instance", "errors", "requestId");
	}

	@Test
	void documentsPagingParametersAndTheLinkHeaderOfEveryList() {
		for (String list : List.of("/users", "/tasks", "/users/{id}/tasks")) {
			JsonNode get = this.document.path("paths").path(list).path("get");

			JsonNode limit = parameter(get, "limit").path("schema");
			assertThat(limit.path("minimum").asInt()).as(list).isEqualTo(1);
			assertThat(limit.path("maximum").asInt()).as(list).isEqualTo(1000);
			assertThat(limit.path("default").asInt()).as(list).isEqualTo(100);
			JsonNode after = parameter(get, "after").path("schema");
			assertThat(after.path("minimum").asInt()).as(list).isZero();
			assertThat(after.path("default").isNumber()).as(list).isTrue();
			assertThat(get.at("/responses/200/headers/Link").isObject()).as(list).isTrue();
			assertThat(get.at("/responses/200/content/application~1json/schema/type").asString()).as(list)
				.isEqualTo("array");
		}
		assertThat(this.document.at("/paths/~1users~1{id}/get/responses/200/headers/Link").isMissingNode()).isTrue();
	}

	@Test
	void documentsTheFilterAndIncludeParameters() {
		JsonNode paths = this.document.path("paths");
		for (JsonNode operation : List.of(paths.at("/~1users/get"), paths.at("/~1users~1{id}/get"))) {
			assertThat(parameter(operation, "include").at("/schema/enum").toString()).isEqualTo("[\"tasks\"]");
		}
		for (JsonNode operation : List.of(paths.at("/~1tasks/get"), paths.at("/~1users~1{id}~1tasks/get"))) {
			assertThat(parameter(operation, "completed").at("/schema/type").asString()).isEqualTo("boolean");
		}
		JsonNode userId = parameter(paths.at("/~1tasks/get"), "userId").path("schema");
		assertThat(userId.path("type").asString()).isEqualTo("integer");
		assertThat(userId.path("exclusiveMinimum").asInt()).isZero();
		JsonNode id = parameter(paths.at("/~1tasks~1{id}/get"), "id").path("schema");
		assertThat(id.path("exclusiveMinimum").asInt()).isZero();
	}

	@Test
	void documentsTheRulesOfRequestBodies() {
		JsonNode schemas = this.document.at("/components/schemas");

		JsonNode newUser = schemas.path("NewUser");
		assertThat(newUser.path("required").toString()).contains("\"username\"", "\"password\"");
		assertThat(newUser.at("/properties/username/minLength").asInt()).isEqualTo(1);
		assertThat(newUser.at("/properties/username/maxLength").asInt()).isEqualTo(50);
		assertThat(newUser.at("/properties/username/pattern").asString()).isEqualTo("^[A-Za-z0-9._-]*$");
		assertThat(newUser.at("/properties/password/minLength").asInt()).isEqualTo(8);
		assertThat(newUser.at("/properties/password/maxLength").asInt()).isEqualTo(128);

		JsonNode newTask = schemas.path("NewTask");
		assertThat(newTask.path("required").toString()).isEqualTo("[\"title\"]");
		assertThat(newTask.at("/properties/title/maxLength").asInt()).isEqualTo(255);
		// A default would make generated clients require it; it is said in words.
		assertThat(newTask.at("/properties/completed/default").isMissingNode()).isTrue();
		assertThat(newTask.at("/properties/completed/description").asString()).contains("false when absent");

		JsonNode taskPatch = schemas.path("TaskPatch");
		assertThat(taskPatch.path("required").isMissingNode()).isTrue();
		assertThat(names(taskPatch.path("properties"))).containsExactlyInAnyOrder("title", "completed", "userId");
		assertThat(taskPatch.at("/properties/userId/exclusiveMinimum").asInt()).isZero();

		assertThat(names(schemas.at("/UserPatch/properties"))).containsExactlyInAnyOrder("username", "password");
		assertThat(names(schemas.at("/User/properties"))).doesNotContain("password", "passwordHash");
		assertThat(schemas.at("/User/required").toString()).doesNotContain("tasks");
	}

	@Test
	void servesSwaggerUi() {
		assertThat(this.mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/swagger-ui/index.html");
		assertThat(this.mvc.get().uri("/swagger-ui/index.html")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("swagger-ui");
		assertThat(this.mvc.get().uri("/swagger-ui/swagger-initializer.js")).hasStatusOk()
			.bodyText()
			.contains("/v3/api-docs/swagger-config");
		assertThat(this.mvc.get().uri("/v3/api-docs/swagger-config")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.url")
			.isEqualTo("/v3/api-docs");
	}

	@Test
	void committedDocumentIsTheOneTheCodeServes() throws IOException {
		String served = pretty(this.document);
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
		}
		String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";

		assertThat(committed)
			.as("docs/openapi.json is not what the code serves; rewrite it with ./mvnw verify -Dopenapi.write=true")
			.isEqualTo(served);
	}

	@Test
	void unknownPathsAreStillProblems() {
		assertThat(this.mvc.get().uri("/v3/api-docs-nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private Map<String, Set<String>> contractEndpoints() throws IOException {
		Map<String, Set<String>> endpoints = new TreeMap<>();
		for (String line : Files.readAllLines(CONTRACT, StandardCharsets.UTF_8)) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				Set<String> statuses = new TreeSet<>();
				Matcher status = STATUS.matcher(row.group(3) + " " + row.group(4));
				while (status.find()) {
					statuses.add(status.group());
				}
				endpoints.put(row.group(1) + " " + row.group(2), statuses);
			}
		}
		return endpoints;
	}

	private Map<String, Set<String>> documentedOperations() {
		Map<String, Set<String>> operations = new TreeMap<>();
		forEachOperation((name, operation) -> operations.put(name, names(operation.path("responses"))));
		return operations;
	}

	private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
		this.document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (METHODS.contains(method.getKey())) {
				action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
			}
		}));
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (name.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " in " + operation.path("operationId").asString());
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new TreeSet<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

	// Keys sorted at every level, so the committed file diffs cleanly whatever order the
	// generator chose.
	private String pretty(JsonNode document) {
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(document)) + "\n";
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = JsonNodeFactory.instance.objectNode();
			new TreeSet<>(names(node)).forEach((name) -> sorted.set(name, sorted(node.get(name))));
			return sorted;
		}
		if (node.isArray()) {
			var array = JsonNodeFactory.instance.arrayNode();
			node.forEach((element) -> array.add(sorted(element)));
			return array;
		}
		return node;
	}

}
