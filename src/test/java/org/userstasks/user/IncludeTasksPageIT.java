package org.userstasks.user;

import java.io.UnsupportedEncodingException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of users with {@code include=tasks} carries exactly each user's own tasks, in id
 * order, whatever the order the tasks were created in and wherever the page starts.
 */
@IntegrationTest
class IncludeTasksPageIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	@Test
	void embedsEachUsersOwnTasksOnEveryPage() {
		// given: tasks created in an order that mixes their owners
		long ann = this.seeds.user("ann");
		long bob = this.seeds.user("bob");
		long cid = this.seeds.user("cid");
		long dan = this.seeds.user("dan");
		this.seeds.tasks(bob, 1);
		this.seeds.tasks(ann, 2);
		this.seeds.tasks(dan, 1);
		this.seeds.tasks(bob, 2);
		Api asCid = this.api.as(this.seeds.token(cid));

		// when
		var first = asCid.get("/users?include=tasks&limit=2");
		var second = asCid.get("/users?include=tasks&limit=2&after=" + bob);

		// then
		assertThat(first).hasStatus(HttpStatus.OK);
		assertThat(first).bodyJson().extractingPath("$[*].id").isEqualTo(List.of((int) ann, (int) bob));
		assertThat(first).bodyJson().extractingPath("$[0].tasks[*].id").isEqualTo(taskIds(ann));
		assertThat(first).bodyJson().extractingPath("$[1].tasks[*].id").isEqualTo(taskIds(bob));
		assertThat(second).hasStatus(HttpStatus.OK);
		assertThat(second).bodyJson().extractingPath("$[*].id").isEqualTo(List.of((int) cid, (int) dan));
		assertThat(second).bodyJson().extractingPath("$[0].tasks").isEqualTo(List.of());
		assertThat(second).bodyJson().extractingPath("$[1].tasks[*].id").isEqualTo(taskIds(dan));
	}

	@Test
	void embedsOneUsersTasksInIdOrder() {
		long ann = this.seeds.user("ann");
		long bob = this.seeds.user("bob");
		this.seeds.tasks(ann, 2);
		this.seeds.tasks(bob, 1);
		this.seeds.tasks(ann, 1);

		var result = this.api.as(this.seeds.token(bob)).get("/users/" + ann + "?include=tasks");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.tasks[*].id").isEqualTo(taskIds(ann));
		assertThat(taskIds(ann)).hasSize(3);
	}

	private List<Integer> taskIds(long userId) {
		return this.jdbc.queryForList("select id from tasks where user_id = ? order by id", Integer.class, userId);
	}

	@Test
	void writesEachUserOfAPageByteForByteAsThatUserAlone() {
		// given users with tasks, and one without
		long ann = this.seeds.user("ann");
		long bob = this.seeds.user("bob");
		long cid = this.seeds.user("cid");
		this.seeds.tasks(ann, 3);
		this.seeds.tasks(cid, 1);

		// when the page is read, and each user alone
		Api asAnn = this.api.as(this.seeds.token(ann));
		String page = body(asAnn.get("/users?include=tasks"));
		List<String> alone = List.of(ann, bob, cid)
			.stream()
			.map((id) -> body(asAnn.get("/users/" + id + "?include=tasks")))
			.toList();

		// then the page is exactly those bodies, bob's tasks an empty array
		assertThat(page).isEqualTo("[" + String.join(",", alone) + "]");
		assertThat(alone.get(1)).endsWith(",\"tasks\":[]}");
	}

	private static String body(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.OK);
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
