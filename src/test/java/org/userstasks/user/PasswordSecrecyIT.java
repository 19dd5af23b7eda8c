package org.userstasks.user;

import java.util.ArrayList;
import java.util.List;

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
 * line; nor does a token or its hash, except in the body that issues the token. (Every
 * response of every test is also checked by {@code Api} and {@code Http}: see
 * {@code Secrets}.)
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

	@Test
	void neverShowsThePasswordOrItsHash() {
		long id = Json.body(record(this.api.post("/users", user("alice", PASSWORD)))).get("id").asLong();
		this.seeds.tasks(id, 2);
		String hash = this.seeds.passwordHash(id);
		Api asAlice = this.api.as(this.seeds.token(id));

		record(asAlice.get("/users/" + id));
		record(asAlice.get("/users/" + id + "?include=tasks"));
		record(asAlice.get("/users"));
		record(asAlice.get("/users?include=tasks"));
		record(asAlice.get("/users/" + id + "/tasks"));
		record(asAlice.patch("/users/" + id, "{\"username\":\"alicia\"}"));
		record(this.api.post("/users", user("ALICIA", PASSWORD)));
		record(asAlice.patch("/users/" + id, "{\"username\":\"bad name\",\"password\":" + Json.quote(PASSWORD)
				+ ",\"currentPassword\":" + Json.quote(PASSWORD) + "}"));
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
		Api asAlice = this.api.as(this.seeds.token(id));

		MvcTestResult result = asAlice.patch("/users/" + id, "{\"password\":" + Json.quote(NEW_PASSWORD)
				+ ",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}");

		assertThat(result).hasStatus(HttpStatus.OK);
		String hash = this.seeds.passwordHash(id);
		assertThat(hash).startsWith("$argon2id$");
		assertThat(Json.text(result)).doesNotContain(NEW_PASSWORD, hash, hashDigest(hash), "$argon2");
		assertThat(Json.text(asAlice.get("/users/" + id))).doesNotContain(NEW_PASSWORD, hash, hashDigest(hash));
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
		Api asAlice = this.api.as(this.seeds.token(id));
		this.api.post("/users", user("ALICE", PASSWORD));
		this.api.post("/users", "{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD) + ",\"id\":1}");
		this.api.post("/users", "{\"username\":\"x\",\"password\":[" + Json.quote(PASSWORD) + "]}");
		this.api.post("/users", "{\"username\":\"x\",\"password\":" + Json.quote(PASSWORD) + "} trailing");
		asAlice.patch("/users/" + id,
				"{\"password\":" + Json.quote(NEW_PASSWORD) + ",\"currentPassword\":" + Json.quote(PASSWORD) + "}");
		this.seeds.user("bob");
		asAlice.patch("/users/" + id, "{\"username\":\"BOB\",\"password\":" + Json.quote(PASSWORD)
				+ ",\"currentPassword\":" + Json.quote(NEW_PASSWORD) + "}");
		String hash = this.seeds.passwordHash(id);

		assertThat(output.getAll()).doesNotContain(PASSWORD, NEW_PASSWORD, hash, hashDigest(hash),
				hashDigest(Seeds.PASSWORD_HASH));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void neverShowsOrLogsATokenOrItsHashButInTheResponseThatIssuesIt(CapturedOutput output) {
		long id = Json.body(this.api.post("/users", user("alice", PASSWORD))).get("id").asLong();
		MvcTestResult issued = this.api.post("/tokens", user("ALICE", PASSWORD));
		String token = Json.body(issued).get("accessToken").asString();
		String seeded = this.seeds.token(id);
		String expired = this.seeds.expiredToken(id);
		Api asAlice = this.api.as(token);

		record(asAlice.get("/users/" + id));
		record(asAlice.get("/nope"));
		record(asAlice.patch("/users/" + id, "{\"username\":\"alicia\"}"));
		record(this.api.as(seeded)
			.patch("/users/" + id,
					"{\"password\":" + Json.quote(NEW_PASSWORD) + ",\"currentPassword\":\"wrong-current-password\"}"));
		record(this.api.as(expired).get("/users"));
		record(this.api.as(token + "x").get("/users"));
		record(this.api.withAuthorization("Basic " + token).get("/users"));
		record(this.api.post("/tokens", user("alicia", "wrong-password-1")));
		record(this.api.post("/tokens", "{\"username\":\"alicia\",\"password\":" + Json.quote(PASSWORD) + ",\"x\":1}"));
		record(asAlice.patch("/users/" + id,
				"{\"password\":" + Json.quote(NEW_PASSWORD) + ",\"currentPassword\":" + Json.quote(PASSWORD) + "}"));
		record(this.api.as(seeded).get("/users"));
		record(asAlice.delete("/tokens/current"));
		record(asAlice.get("/users"));

		List<String> secrets = List.of(token, Seeds.tokenHash(token), seeded, Seeds.tokenHash(seeded), expired,
				Seeds.tokenHash(expired), PASSWORD, NEW_PASSWORD, "wrong-current-password", "wrong-password-1");
		assertThat(this.bodies).hasSize(13).allSatisfy((body) -> assertThat(body).doesNotContain(secrets));
		assertThat(output.getAll()).doesNotContain(secrets).doesNotContainPattern("ut_[A-Za-z0-9_-]{43}");
		assertThat(Json.text(issued)).contains(token);
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
