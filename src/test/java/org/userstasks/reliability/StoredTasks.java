package org.userstasks.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.userstasks.testing.Http;
import org.userstasks.testing.Json;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every task of a user back over HTTP, page by page.
 */
final class StoredTasks {

	private StoredTasks() {
	}

	static Map<Long, String> of(Http http, long userId) throws IOException {
		Map<Long, String> titles = new HashMap<>();
		long after = 0;
		while (true) {
			HttpResponse<String> page = http.get("/users/" + userId + "/tasks?limit=1000&after=" + after);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			JsonNode tasks = Json.parse(page.body());
			for (JsonNode task : tasks) {
				after = task.get("id").asLong();
				titles.put(after, task.get("title").asString());
			}
			if (page.headers().firstValue("Link").isEmpty()) {
				return titles;
			}
		}
	}

	/**
	 * Signs in the user {@link #createUser} made, returning its token.
	 */
	static String signIn(Http http, String username) throws IOException {
		HttpResponse<String> signedIn = http.post("/tokens",
				"{\"username\":\"" + username + "\",\"password\":\"password1\"}");
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		return Json.parse(signedIn.body()).get("accessToken").asString();
	}

	static long createUser(Http http, String username) throws IOException {
		HttpResponse<String> created = http.post("/users",
				"{\"username\":\"" + username + "\",\"password\":\"password1\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Json.parse(created.body()).get("id").asLong();
	}

}
