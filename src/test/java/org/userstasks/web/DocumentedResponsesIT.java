package org.userstasks.web;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.Http;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service answers as its OpenAPI document says: for a representative request per
 * operation and status, sent over HTTP, the status is documented for the operation, the
 * headers it carries are declared, and the body is valid against the documented schema of
 * that status and media type.
 */
@IntegrationTest
class DocumentedResponsesIT {

	// Headers a client reads; each one a response carries must be declared for it.
	private static final List<String> READ_HEADERS = List.of("Link", "Location", "X-Request-Id", "Retry-After", "ETag",
			"WWW-Authenticate");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	@LocalServerPort
	int port;

	private Http http;

	private JsonNode document;

	private final Set<String> checked = new TreeSet<>();

	@BeforeEach
	void setUp() {
		this.seeds.reset();
		this.http = new Http(this.port);
		this.document = JSON
			.readTree(this.mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsByteArray());
	}

	@Test
	void answersUsersEndpointsAsDocumented() throws IOException {
		long alice = this.seeds.user("alice");
		long bob = this.seeds.user("bob");
		long carol = this.seeds.user("carol");
		this.seeds.tasks(alice, 2);
		Http asAlice = this.http.as(this.seeds.token(alice));
		Http asCarol = this.http.as(this.seeds.token(carol));

		check("GET", "/users", asAlice.get("/users?limit=1"), 200);
		check("GET", "/users", asAlice.get("/users?include=tasks"), 200);
		check("GET", "/users", asAlice.get("/users?limit=0"), 400);
		check("GET", "/users", send(asAlice.request("/users").header("Accept", "application/xml").GET()), 406);
		check("POST", "/users", this.http.post("/users", "{\"username\":\"dave\",\"password\":\"password1\"}"), 201);
		check("POST", "/users", this.http.post("/users", "{\"username\":\"bad name!\",\"password\":\"p\"}"), 400);
		check("POST", "/users", this.http.post("/users", "{\"username\":\"ALICE\",\"password\":\"password1\"}"), 409);
		check("POST", "/users",
				send(this.http.request("/users")
					.setHeader("Content-Type", "text/plain")
					.POST(BodyPublishers.ofString("alice"))),
				415);
		check("GET", "/users/{id}", asAlice.get("/users/" + alice + "?include=tasks"), 200);
		check("GET", "/users/{id}", asAlice.get("/users/abc"), 400);
		check("GET", "/users/{id}", asAlice.get("/users/999999"), 404);
		check("PATCH", "/users/{id}", asAlice.patch("/users/" + alice, "{\"username\":\"alice2\"}"), 200);
		check("PATCH", "/users/{id}", asAlice.patch("/users/" + alice, "{\"id\":5}"), 400);
		check("PATCH", "/users/{id}", asAlice.patch("/users/999999", "{\"username\":\"x\"}"), 404);
		check("PATCH", "/users/{id}", asAlice.patch("/users/" + alice, "{\"username\":\"bob\"}"), 409);
		check("DELETE", "/users/{id}", asCarol.delete("/users/" + carol), 204);
		check("DELETE", "/users/{id}", asAlice.delete("/users/" + carol), 404);
		check("DELETE", "/users/{id}", asAlice.delete("/users/0"), 400);
		check("GET", "/users", this.http.get("/users"), 401);
		check("GET", "/users/{id}", this.http.as("ut_forged").get("/users/" + alice), 401);
		check("PATCH", "/users/{id}", asCarol.patch("/users/" + alice, "{\"username\":\"x\"}"), 401);
		check("DELETE", "/users/{id}", asAlice.delete("/users/" + bob), 403);

		assertThat(this.checked).hasSize(22);
	}

	@Test
	void answersTasksEndpointsAsDocumented() throws IOException {
		long alice = this.seeds.user("alice");
		long bob = this.seeds.user("bob");
		long task = this.seeds.task(alice, "first", false);
		long second = this.seeds.task(alice, "second", true);
		Http asAlice = this.http.as(this.seeds.token(alice));
		Http asBob = this.http.as(this.seeds.token(bob));

		check("GET", "/tasks", asAlice.get("/tasks?limit=1&completed=false"), 200);
		check("GET", "/tasks", asAlice.get("/tasks?completed=maybe"), 400);
		check("GET", "/tasks", send(asAlice.request("/tasks").header("Accept", "application/problem+json").GET()), 406);
		check("GET", "/users/{id}/tasks", asAlice.get("/users/" + alice + "/tasks?limit=1"), 200);
		check("GET", "/users/{id}/tasks", asAlice.get("/users/-1/tasks"), 400);
		check("GET", "/users/{id}/tasks", asAlice.get("/users/999999/tasks"), 404);
		check("POST", "/users/{id}/tasks", asAlice.post("/users/" + alice + "/tasks", "{\"title\":\"Write\"}"), 201);
		check("POST", "/users/{id}/tasks", asAlice.post("/users/" + alice + "/tasks", "{\"title\":\" \"}"), 400);
		check("POST", "/users/{id}/tasks", asAlice.post("/users/999999/tasks", "{\"title\":\"t\"}"), 404);
		check("POST", "/users/{id}/tasks",
				asAlice.post("/users/" + alice + "/tasks", "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
		check("GET", "/tasks/{id}", asAlice.get("/tasks/" + task), 200);
		check("GET", "/tasks/{id}", asAlice.get("/tasks/99999999999999999999"), 400);
		check("GET", "/tasks/{id}", asAlice.get("/tasks/999999"), 404);
		check("PATCH", "/tasks/{id}", asAlice.patch("/tasks/" + task, "{\"completed\":true,\"userId\":" + bob + "}"),
				200);
		check("PATCH", "/tasks/{id}", asBob.patch("/tasks/" + task, "{\"completed\":\"yes\"}"), 400);
		check("PATCH", "/tasks/{id}", asBob.patch("/tasks/" + task, "{\"userId\":999999}"), 404);
		check("PATCH", "/tasks/{id}",
				send(asBob.request("/tasks/" + task)
					.setHeader("Content-Type", "application/x-www-form-urlencoded")
					.method("PATCH", BodyPublishers.ofString("completed=true"))),
				415);
		check("DELETE", "/tasks/{id}", asBob.delete("/tasks/" + task), 204);
		check("DELETE", "/tasks/{id}", asBob.delete("/tasks/" + task), 404);

		check("GET", "/tasks", this.http.get("/tasks"), 401);
		check("PATCH", "/tasks/{id}", asBob.patch("/tasks/" + second, "{\"completed\":false}"), 403);
		check("POST", "/users/{id}/tasks", asAlice.post("/users/" + bob + "/tasks", "{\"title\":\"t\"}"), 403);

		assertThat(this.checked).hasSize(22);
	}

	@Test
	void validatorRejectsBodiesTheDocumentForbids() {
		Schema task = schema(
				this.document.at("/paths/~1tasks~1{id}/get/responses/200/content/application~1json/schema"));

		assertThat(task.validate(JSON.readTree("{\"id\":\"7\",\"title\":\"t\"}"))).isNotEmpty();
		assertThat(task.validate(JSON.readTree("{\"id\":7,\"title\":\"t\",\"completed\":false,\"userId\":1,"
				+ "\"createdAt\":\"2026-11-24T15:04:05.123Z\",\"updatedAt\":\"2026-11-24T15:04:05.123Z\"}")))
			.isEmpty();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		return this.http.send(request);
	}

	private void check(String method, String path, HttpResponse<String> response, int expected) {
		String name = method + " " + path + " " + response.statusCode();
		assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(expected);
		JsonNode documented = this.document.path("paths")
			.path(path)
			.path(method.toLowerCase())
			.path("responses")
			.path(String.valueOf(expected));
		assertThat(documented.isObject()).as(name + " is documented").isTrue();

		for (String header : READ_HEADERS) {
			if (response.headers().firstValue(header).isPresent()) {
				assertThat(documented.path("headers").has(header)).as(name + " declares " + header).isTrue();
			}
		}

		JsonNode content = documented.path("content");
		if (content.isEmpty()) {
			assertThat(response.body()).as(name + " has no body").isEmpty();
		}
		else {
			String mediaType = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
			assertThat(content.has(mediaType)).as(name + " documents " + mediaType).isTrue();
			List<Error> errors = schema(content.path(mediaType).path("schema"))
				.validate(JSON.readTree(response.body()));
			assertThat(errors).as(name + " body " + response.body()).isEmpty();
		}
		this.checked.add(name + " " + response.body().hashCode());
	}

	// The documented schema, with the document's components beside it so that its
	// "#/components/schemas/..." references resolve.
	private Schema schema(JsonNode documented) {
		ObjectNode schema = (ObjectNode) documented.deepCopy();
		schema.set("components", this.document.path("components"));
		return SCHEMAS.getSchema(schema);
	}

}
