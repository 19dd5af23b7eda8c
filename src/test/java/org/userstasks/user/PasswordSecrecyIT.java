package org.userstasks.user;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither a password nor its hash ever leaves the service, in any response body or log
 * line.
 */
@IntegrationTest
class PasswordSecrecyIT {

	private static final String PASSWORD = "Tr0ub4dor&3-secret";

	private static final String NEW_PASSWORD = "n3w-Pa55phrase!";

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	private final List<String> bodies = new ArrayList<>();

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	@Test
	void neverShowsThePasswordOrItsHash() {
		long id = Json.body(record(this.api.post("/users", user("alice", PASSWORD)))).get("id").asLong();
		this.seeds.tasks(id, 2);
		String hash = this.seeds.passwordHash(id);

		record(this.api.get("/users/" + id));
		record(this.api.get("/users/" + id + "?include=tasks"));
		record(this.api.get("/users"));
		record(this.api.get("/users?include=tasks"));
		record(this.api.get("/users/" + id + "/tasks"));
		record(this.api.patch("/users/" + id, "{\"username\":\"alicia\"}"));
		record(this.api.post("/users", user("ALICIA", PASSWORD)));
		record(this.api.patch("/users/" + id, "{\"username\":\"bad name\",\"password\":" + Json.quote(PASSWORD) + "}"));
		record(this.api.post("/users", "{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD) + ",\"id\":1}"));
		record(this.api.post("/users", "{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD) + "} trailing"));
		record(this.api.post("/users",
				"{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD + "x".repeat(120)) + "}"));
		record(this.api.post("/users", "{\"username\":\"x\",\"password\":[" + Json.quote(PASSWORD) + "]}"));

		assertThat(this.bodies).hasSize(13)
			.allSatisfy((body) -> assertThat(body).doesNotContain(PASSWORD, hash, hashDigest(hash), "password_hash",
					"passwordHash", "$argon2"));
	}

	@Test
	void neverShowsANewPasswordOrItsHash() {
		long id = this.seeds.user("alice");

		MvcTestResult result = this.api.patch("/users/" + id, "{\"password\":" + Json.quote(NEW_PASSWORD) + "}");

		assertThat(result).hasStatus(HttpStatus.OK);
		String hash = this.seeds.passwordHash(id);
		assertThat(hash).startsWith("$argon2id$");
		assertThat(Json.text(result)).doesNotContain(NEW_PASSWORD, hash, hashDigest(hash), "$argon2");
		assertThat(Json.text(this.api.get("/users/" + id))).doesNotContain(NEW_PASSWORD, hash, hashDigest(hash));
	}

	@Test
	void neverShowsAPasswordThatWasTooShort() {
		MvcTestResult result = this.api.post("/users", user("alice", "Qz9!k"));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(Json.text(result)).doesNotContain("Qz9!k");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void neverLogsThePasswordOrItsHash(CapturedOutput output) {
		long id = Json.body(this.api.post("/users", user("alice", PASSWORD))).get("id").asLong();
		this.api.post("/users", user("ALICE", PASSWORD));
		this.api.post("/users", "{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD) + ",\"id\":1}");
		this.api.post("/users", "{\"username\":\"x\",\"password\":[" + Json.quote(PASSWORD) + "]}");
		this.api.post("/users", "{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD) + "} trailing");
		this.api.patch("/users/" + id, "{\"password\":" + Json.quote(NEW_PASSWORD) + "}");
		this.seeds.user("bob");
		this.api.patch("/users/" + id, "{\"username\":\"BOB\",\"password\":" + Json.quote(PASSWORD) + "}");
		String hash = this.seeds.passwordHash(id);

		assertThat(output.getAll()).doesNotContain(PASSWORD, NEW_PASSWORD, hash, hashDigest(hash),
				hashDigest(Seeds.PASSWORD_HASH));
	}

	private MvcTestResult record(MvcTestResult result) {
		assertThat(result.getResponse().getStatus()).isLessThan(500);
		this.bodies.add(Json.text(result));
		return result;
	}

	// The digest alone, in case a hash were shown re-encoded or cut.
	private static String hashDigest(String hash) {
		return hash.substring(hash.lastIndexOf('$') + 1);
	}

	private static String user(String username, String password) {
		return "{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}";
	}

}
