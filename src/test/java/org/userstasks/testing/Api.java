package org.userstasks.testing;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short JSON requests through MockMvc, and creation of users and tasks through the API
 * for tests that need them made the way a client makes them.
 */
@TestComponent
public class Api {

	private final MockMvcTester mvc;

	public Api(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public MockMvcTester mvc() {
		return this.mvc;
	}

	public MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).exchange();
	}

	public MvcTestResult post(String uri, String json) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	public MvcTestResult patch(String uri, String json) {
		return this.mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	public MvcTestResult delete(String uri) {
		return this.mvc.delete().uri(uri).exchange();
	}

	/**
	 * Creates a user over the API (the password is hashed, so this costs tens of
	 * milliseconds) and returns its id.
	 */
	public long createUser(String username, String password) {
		MvcTestResult result = post("/users",
				"{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}");
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return Json.body(result).get("id").asLong();
	}

	public long createTask(long userId, String title) {
		MvcTestResult result = post("/users/" + userId + "/tasks", "{\"title\":" + Json.quote(title) + "}");
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return Json.body(result).get("id").asLong();
	}

}
