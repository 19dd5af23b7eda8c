package org.userstasks.task;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * The 404 rows of the task endpoints: the detail names what is missing with its id.
 */
@IntegrationTest
class TaskEndpointErrorsIT {

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
	void namesTheMissingTaskOnEveryEndpoint() {
		long missing = this.seeds.task(this.alice, "gone", false);
		this.asAlice.delete("/tasks/" + missing);

		String path = "/tasks/" + missing;
		String detail = "task " + missing + " not found";
		assertNotFound(this.asAlice.get(path), path, detail);
		assertNotFound(this.asAlice.patch(path, "{\"title\":\"t\"}"), path, detail);
		assertNotFound(this.asAlice.delete(path), path, detail);
	}

	@Test
	void namesAMissingTargetUserAndLeavesTheTaskWhereItWas() {
		long id = this.seeds.task(this.alice, "stay", false);
		long missing = this.alice + 1000;

		assertNotFound(this.asAlice.patch("/tasks/" + id, "{\"title\":\"moved\",\"userId\":" + missing + "}"),
				"/tasks/" + id, "user " + missing + " not found");

		assertThat(this.seeds.taskIds(this.alice)).containsExactly(id);
		assertThat(this.asAlice.get("/tasks/" + id)).bodyJson().extractingPath("$.title").isEqualTo("stay");
	}

	@Test
	void namesAMissingOwnerWhenCreatingOrListing() {
		long missing = this.alice + 1000;
		String path = "/users/" + missing + "/tasks";

		assertNotFound(this.asAlice.post(path, "{\"title\":\"orphan\"}"), path, "user " + missing + " not found");
		assertNotFound(this.asAlice.get(path), path, "user " + missing + " not found");
		assertNotFound(this.asAlice.get(path + "?completed=true"), path, "user " + missing + " not found");

		assertThat(this.seeds.count("tasks")).isZero();
	}

	private static void assertNotFound(MvcTestResult result, String path, String detail) {
		assertThat(assertProblem(result, HttpStatus.NOT_FOUND, path).get("detail").asString()).isEqualTo(detail);
	}

}
