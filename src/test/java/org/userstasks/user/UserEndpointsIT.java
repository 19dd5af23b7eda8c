package org.userstasks.user;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
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
 * The success side of every {@code /users} row of the contract's endpoint table.
 */
@IntegrationTest
class UserEndpointsIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Test
	void createsAUserWithLocationAndTheUserAsBody() {
		Instant before = Instant.now().minusSeconds(1);

		MvcTestResult result = this.api.post("/users", "{\"username\":\"alice\",\"password\":\"password1\"}");

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentType("application/json");
		JsonNode user = Json.body(result);
		Shapes.assertUser(user);
		assertThat(user.get("username").asString()).isEqualTo("alice");
		assertThat(user.get("createdAt").asString()).isEqualTo(user.get("updatedAt").asString());
		assertThat(Instant.parse(user.get("createdAt").asString())).isAfter(before);
		assertThat(result).headers().hasValue(HttpHeaders.LOCATION, "/users/" + user.get("id").asLong());
	}

	@Test
	void getsAUserExactlyAsCreated() {
		MvcTestResult created = this.api.post("/users", "{\"username\":\"alice\",\"password\":\"password1\"}");
		long id = Json.body(created).get("id").asLong();

		MvcTestResult result = this.api.as(this.seeds.token(id)).get("/users/" + id);

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType("application/json");
		Shapes.assertUser(Json.body(result));
		assertThat(Json.body(result)).isEqualTo(Json.body(created));
	}

	@Test
	void listsUsersInIdOrderWithoutTasks() {
		long bob = this.seeds.user("bob");
		long alice = this.seeds.user("alice");
		this.seeds.tasks(bob, 2);

		JsonNode users = Json.body(this.api.as(this.seeds.token(alice)).get("/users"));

		assertThat(Json.ids(users)).containsExactly(bob, alice);
		users.forEach(Shapes::assertUser);
	}

	@Test
	void embedsTasksOrderedByIdOnlyWhenAskedTo() {
		long alice = this.seeds.user("alice");
		long bob = this.seeds.user("bob");
		long first = this.seeds.task(alice, "first", false);
		long other = this.seeds.task(bob, "of bob", false);
		long second = this.seeds.task(alice, "second", true);
		Api asBob = this.api.as(this.seeds.token(bob));

		JsonNode one = Json.body(asBob.get("/users/" + alice + "?include=tasks"));
		JsonNode list = Json.body(asBob.get("/users?include=tasks"));

		Shapes.assertUserWithTasks(one);
		assertThat(Json.ids(one.get("tasks"))).containsExactly(first, second);
		assertThat(one.get("tasks").get(1).get("completed").asBoolean()).isTrue();
		list.forEach(Shapes::assertUserWithTasks);
		assertThat(Json.ids(list.get(0).get("tasks"))).containsExactly(first, second);
		assertThat(Json.ids(list.get(1).get("tasks"))).containsExactly(other);
	}

	@Test
	void embedsAnEmptyArrayForAUserWithoutTasks() {
		long alice = this.seeds.user("alice");
		Api asAlice = this.api.as(this.seeds.token(alice));

		JsonNode one = Json.body(asAlice.get("/users/" + alice + "?include=tasks"));
		JsonNode list = Json.body(asAlice.get("/users?include=tasks"));

		Shapes.assertUserWithTasks(one);
		assertThat(one.get("tasks").isEmpty()).isTrue();
		assertThat(list.get(0).get("tasks").isArray()).isTrue();
		assertThat(list.get(0).get("tasks").isEmpty()).isTrue();
	}

	@Test
	void leavesTheTasksKeyOutWithoutInclude() {
		long alice = this.seeds.user("alice");
		this.seeds.tasks(alice, 1);
		Api asAlice = this.api.as(this.seeds.token(alice));

		// At no depth: neither the user nor the list carries the key, not even empty.
		assertThat(asAlice.get("/users/" + alice)).bodyJson().extractingPath("$..tasks").asArray().isEmpty();
		assertThat(asAlice.get("/users")).bodyJson().extractingPath("$..tasks").asArray().isEmpty();
	}

	@Test
	void patchesTheUsernameAndReturnsTheUser() throws InterruptedException {
		long id = this.seeds.user("alice");
		Api asAlice = this.api.as(this.seeds.token(id));
		JsonNode before = Json.body(asAlice.get("/users/" + id));
		Thread.sleep(5);

		MvcTestResult result = asAlice.patch("/users/" + id, "{\"username\":\"alicia\"}");

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType("application/json");
		JsonNode user = Json.body(result);
		Shapes.assertUser(user);
		assertThat(user.get("id").asLong()).isEqualTo(id);
		assertThat(user.get("username").asString()).isEqualTo("alicia");
		assertThat(user.get("createdAt")).isEqualTo(before.get("createdAt"));
		assertThat(Instant.parse(user.get("updatedAt").asString()))
			.isAfter(Instant.parse(before.get("updatedAt").asString()));
		assertThat(Json.body(asAlice.get("/users/" + id))).isEqualTo(user);
	}

	@Test
	void patchesThePasswordAlone() {
		long id = this.seeds.user("alice");

		MvcTestResult result = this.api.as(this.seeds.token(id))
			.patch("/users/" + id,
					"{\"password\":\"another-secret\",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("alice");
		assertThat(this.seeds.passwordHash(id)).isNotEqualTo(Seeds.PASSWORD_HASH).startsWith("$argon2id$");
	}

	@Test
	void patchesNothingWithAnEmptyObject() {
		long id = this.seeds.user("alice");
		Api asAlice = this.api.as(this.seeds.token(id));
		JsonNode before = Json.body(asAlice.get("/users/" + id));

		MvcTestResult result = asAlice.patch("/users/" + id, "{}");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(Json.body(result).get("username")).isEqualTo(before.get("username"));
		assertThat(this.seeds.passwordHash(id)).isEqualTo(Seeds.PASSWORD_HASH);
	}

	@Test
	void acceptsJsonWithACharset() {
		MvcTestResult result = this.api.mvc()
			.post()
			.uri("/users")
			.contentType("application/json;charset=UTF-8")
			.content("{\"username\":\"alice\",\"password\":\"password1\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void deletesAUserWithNoContent() {
		long id = this.seeds.user("alice");
		long bob = this.seeds.user("bob");

		MvcTestResult result = this.api.as(this.seeds.token(id)).delete("/users/" + id);

		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.api.as(this.seeds.token(bob)).get("/users/" + id)).hasStatus(HttpStatus.NOT_FOUND);
	}

}
