package org.userstasks.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.userstasks.testing.Http;
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

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	private Http http;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.http = new Http(this.port);
	}

	@Test
	void createsAUserAndTasksThenDeletesThemAllTogether() throws Exception {
		HttpResponse<String> created = this.http.post("/users",
				"{\"username\":\"alice\",\"password\":\"correct horse\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		long alice = Json.parse(created.body()).get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/users/" + alice);
		Shapes.assertUser(Json.parse(created.body()));

		long report = createTask(alice, "{\"title\":\"Write report\"}");
		long milk = createTask(alice, "{\"title\":\"Buy milk\",\"completed\":true}");
		long trip = createTask(alice, "{\"title\":\"Plan trip\"}");

		HttpResponse<String> list = this.http.get("/users?include=tasks");
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode users = Json.parse(list.body());
		assertThat(users.size()).isOne();
		Shapes.assertUserWithTasks(users.get(0));
		assertThat(users.get(0).get("username").asString()).isEqualTo("alice");
		assertThat(Json.ids(users.get(0).get("tasks"))).containsExactly(report, milk, trip);
		assertThat(list.body()).doesNotContain("correct horse");

		assertThat(followNextLinks("/tasks?completed=false&limit=1")).containsExactly(report, trip);

		HttpResponse<String> blank = this.http.post("/users/" + alice + "/tasks", "{\"title\":\" \"}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Json.parse(blank.body()).get("errors").get(0).get("field").asString()).isEqualTo("title");

		assertThat(this.http.delete("/users/" + alice).statusCode()).isEqualTo(204);

		HttpResponse<String> tasksOfAlice = this.http.get("/tasks?userId=" + alice);
		assertThat(tasksOfAlice.statusCode()).isEqualTo(200);
		assertThat(tasksOfAlice.body()).isEqualTo("[]");
		HttpResponse<String> gone = this.http.get("/tasks/" + report);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Json.parse(gone.body()).get("detail").asString()).isEqualTo("task " + report + " not found");
		assertThat(this.http.get("/users/" + alice).statusCode()).isEqualTo(404);
		assertThat(this.seeds.count("tasks")).isZero();
	}

	private long createTask(long userId, String json) throws IOException {
		HttpResponse<String> created = this.http.post("/users/" + userId + "/tasks", json);
		assertThat(created.statusCode()).isEqualTo(201);
		long id = Json.parse(created.body()).get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/tasks/" + id);
		return id;
	}

	/**
	 * The ids of every page, following {@code Link rel="next"} as a client does: the
	 * link's reference resolved against the URL of the page it came with.
	 */
	private List<Long> followNextLinks(String first) throws IOException {
		List<Long> ids = new ArrayList<>();
		URI next = URI.create("http://127.0.0.1:" + this.port + first);
		for (int page = 0; next != null; page++) {
			assertThat(page).as("pages followed").isLessThan(10);
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(next).GET());
			assertThat(response.statusCode()).isEqualTo(200);
			ids.addAll(Json.ids(Json.parse(response.body())));
			URI current = next;
			next = response.headers()
				.firstValue("Link")
				.map(NEXT::matcher)
				.filter(Matcher::matches)
				.map((matcher) -> current.resolve(matcher.group(1)))
				.orElse(null);
		}
		return ids;
	}

}
