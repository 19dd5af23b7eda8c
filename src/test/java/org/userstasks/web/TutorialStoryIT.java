package org.userstasks.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.Shapes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's story, told over real HTTP as a client tells it: a user, some tasks, the
 * list with tasks included, then the user deleted and its tasks gone with it.
 */
@IntegrationTest
class TutorialStoryIT {

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	@Test
	void createsAUserAndTasksThenDeletesThemAllTogether() throws Exception {
		HttpResponse<String> created = send("POST", "/users", "{\"username\":\"alice\",\"password\":\"s3cret-pass\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		long alice = Json.parse(created.body()).get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/users/" + alice);

		HttpResponse<String> report = send("POST", "/users/" + alice + "/tasks", "{\"title\":\"Write report\"}");
		HttpResponse<String> slides = send("POST", "/users/" + alice + "/tasks",
				"{\"title\":\"Prepare slides\",\"completed\":true}");
		assertThat(report.statusCode()).isEqualTo(201);
		assertThat(slides.statusCode()).isEqualTo(201);
		long reportId = Json.parse(report.body()).get("id").asLong();
		long slidesId = Json.parse(slides.body()).get("id").asLong();
		assertThat(report.headers().firstValue("Location")).hasValue("/tasks/" + reportId);

		HttpResponse<String> done = send("PATCH", "/tasks/" + reportId, "{\"completed\":true}");
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(Json.parse(done.body()).get("completed").asBoolean()).isTrue();

		HttpResponse<String> list = send("GET", "/users?include=tasks", null);
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode users = Json.parse(list.body());
		assertThat(users.size()).isOne();
		Shapes.assertUserWithTasks(users.get(0));
		assertThat(users.get(0).get("username").asString()).isEqualTo("alice");
		assertThat(Json.ids(users.get(0).get("tasks"))).containsExactly(reportId, slidesId);
		assertThat(list.body()).doesNotContain("s3cret-pass");

		assertThat(send("DELETE", "/users/" + alice, null).statusCode()).isEqualTo(204);

		HttpResponse<String> tasksOfAlice = send("GET", "/tasks?userId=" + alice, null);
		assertThat(tasksOfAlice.statusCode()).isEqualTo(200);
		assertThat(tasksOfAlice.body()).isEqualTo("[]");
		HttpResponse<String> gone = send("GET", "/tasks/" + reportId, null);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Json.parse(gone.body()).get("detail").asString()).isEqualTo("task " + reportId + " not found");
		assertThat(send("GET", "/users/" + alice, null).statusCode()).isEqualTo(404);
		assertThat(this.seeds.count("tasks")).isZero();
	}

	private HttpResponse<String> send(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
