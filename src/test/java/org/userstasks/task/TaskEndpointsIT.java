package org.userstasks.task;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.Shapes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The success side of every task row of the contract's endpoint table.
 */
@IntegrationTest
class TaskEndpointsIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	private long alice;

	private Api asAlice;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
	}

	@Test
	void createsATaskOfTheUserInThePath() {
		MvcTestResult result = this.asAlice.post("/users/" + this.alice + "/tasks", "{\"title\":\"Write report\"}");

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentType("application/json");
		JsonNode task = Json.body(result);
		Shapes.assertTask(task);
		assertThat(task.get("title").asString()).isEqualTo("Write report");
		assertThat(task.get("completed").asBoolean()).isFalse();
		assertThat(task.get("userId").asLong()).isEqualTo(this.alice);
		assertThat(task.get("createdAt")).isEqualTo(task.get("updatedAt"));
		assertThat(result).headers().hasValue(HttpHeaders.LOCATION, "/tasks/" + task.get("id").asLong());
		assertThat(this.seeds.taskIds(this.alice)).containsExactly(task.get("id").asLong());
	}

	@Test
	void createsACompletedTask() {
		MvcTestResult result = this.asAlice.post("/users/" + this.alice + "/tasks",
				"{\"title\":\"done\",\"completed\":true}");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.completed").isEqualTo(true);
	}

	@Test
	void getsATaskExactlyAsCreated() {
		MvcTestResult created = this.asAlice.post("/users/" + this.alice + "/tasks", "{\"title\":\"Write report\"}");
		long id = Json.body(created).get("id").asLong();

		MvcTestResult result = this.asAlice.get("/tasks/" + id);

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType("application/json");
		Shapes.assertTask(Json.body(result));
		assertThat(Json.body(result)).isEqualTo(Json.body(created));
	}

	@Test
	void listsTasksOfAUserAndOfEveryoneInIdOrder() {
		long bob = this.seeds.user("bob");
		long first = this.seeds.task(this.alice, "a1", false);
		long ofBob = this.seeds.task(bob, "b1", true);
		long second = this.seeds.task(this.alice, "a2", true);

		JsonNode ofAlice = Json.body(this.asAlice.get("/users/" + this.alice + "/tasks"));
		JsonNode all = Json.body(this.asAlice.get("/tasks"));

		assertThat(Json.ids(ofAlice)).containsExactly(first, second);
		assertThat(Json.ids(all)).containsExactly(first, ofBob, second);
		all.forEach(Shapes::assertTask);
		ofAlice.forEach(Shapes::assertTask);
	}

	@Test
	void listsAnEmptyArrayForAUserWithoutTasks() {
		MvcTestResult result = this.asAlice.get("/users/" + this.alice + "/tasks");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(Json.text(result)).isEqualTo("[]");
		assertThat(Json.text(this.asAlice.get("/tasks"))).isEqualTo("[]");
	}

	@Test
	void patchesTitleAndCompleted() throws InterruptedException {
		long id = this.seeds.task(this.alice, "draft", false);
		JsonNode before = Json.body(this.asAlice.get("/tasks/" + id));
		Thread.sleep(5);

		MvcTestResult result = this.asAlice.patch("/tasks/" + id, "{\"title\":\" final \",\"completed\":true}");

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType("application/json");
		JsonNode task = Json.body(result);
		Shapes.assertTask(task);
		assertThat(task.get("id").asLong()).isEqualTo(id);
		assertThat(task.get("title").asString()).isEqualTo("final");
		assertThat(task.get("completed").asBoolean()).isTrue();
		assertThat(task.get("userId").asLong()).isEqualTo(this.alice);
		assertThat(task.get("createdAt")).isEqualTo(before.get("createdAt"));
		assertThat(Instant.parse(task.get("updatedAt").asString()))
			.isAfter(Instant.parse(before.get("updatedAt").asString()));
		assertThat(Json.body(this.asAlice.get("/tasks/" + id))).isEqualTo(task);
	}

	@Test
	void patchesOneFieldAndKeepsTheOthers() {
		long id = this.seeds.task(this.alice, "draft", false);

		JsonNode task = Json.body(this.asAlice.patch("/tasks/" + id, "{\"completed\":true}"));

		assertThat(task.get("title").asString()).isEqualTo("draft");
		assertThat(task.get("completed").asBoolean()).isTrue();
	}

	@Test
	void patchesNothingWithAnEmptyObjectOrTheSameOwner() {
		long id = this.seeds.task(this.alice, "draft", false);
		JsonNode before = Json.body(this.asAlice.get("/tasks/" + id));

		MvcTestResult empty = this.asAlice.patch("/tasks/" + id, "{}");
		MvcTestResult sameOwner = this.asAlice.patch("/tasks/" + id, "{\"userId\":" + this.alice + "}");

		assertThat(empty).hasStatus(HttpStatus.OK);
		assertThat(sameOwner).hasStatus(HttpStatus.OK);
		assertThat(sameOwner).bodyJson().extractingPath("$.userId").convertTo(Long.class).isEqualTo(this.alice);
		assertThat(Json.body(sameOwner).get("title")).isEqualTo(before.get("title"));
		assertThat(this.seeds.taskIds(this.alice)).containsExactly(id);
	}

	@Test
	void movesATaskToAnotherUser() {
		long bob = this.seeds.user("bob");
		long id = this.seeds.task(this.alice, "hand over", false);

		MvcTestResult result = this.asAlice.patch("/tasks/" + id, "{\"userId\":" + bob + "}");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.userId").convertTo(Long.class).isEqualTo(bob);
		assertThat(this.seeds.taskIds(bob)).containsExactly(id);
		assertThat(this.seeds.taskIds(this.alice)).isEmpty();
		assertThat(Json.ids(Json.body(this.asAlice.get("/users/" + bob + "/tasks")))).containsExactly(id);
	}

	@Test
	void deletesATaskWithNoContent() {
		long id = this.seeds.task(this.alice, "obsolete", false);
		long kept = this.seeds.task(this.alice, "kept", false);

		MvcTestResult result = this.asAlice.delete("/tasks/" + id);

		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.seeds.taskIds(this.alice)).containsExactly(kept);
		assertThat(this.seeds.count("users")).isOne();
	}

}
