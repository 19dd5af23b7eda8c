package org.userstasks.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists are pages in id order; following {@code Link rel="next"} from the first page
 * visits every item exactly once, and each next link keeps the request's other
 * parameters.
 */
@IntegrationTest
class KeysetPagingIT {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private Api asAlice;

	private long bob;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
		this.bob = this.seeds.user("bob");
		this.seeds.users("user", 5);
		// Interleaved, so a user's tasks do not have consecutive ids.
		for (int i = 0; i < 4; i++) {
			this.seeds.task(this.alice, "a" + i, i % 2 == 0);
			this.seeds.task(this.bob, "b" + i, i % 2 == 1);
		}
		this.seeds.tasks(this.alice, 3);
	}

	@Test
	void walksAllUsersPageByPage() {
		List<Page> pages = walk("/users?limit=2");

		assertThat(ids(pages)).isEqualTo(ids("select id from users order by id"));
		assertThat(pages).hasSize(4);
		assertThat(pages.subList(0, 3)).allSatisfy((page) -> assertThat(page.items.size()).isEqualTo(2));
	}

	@Test
	void keepsIncludeInTheNextLink() {
		List<Page> pages = walk("/users?include=tasks&limit=3");

		assertThat(ids(pages)).isEqualTo(ids("select id from users order by id"));
		for (Page page : pages) {
			assertThat(page.query.getFirst("include")).isEqualTo("tasks");
			page.items.forEach((user) -> assertThat(user.has("tasks")).isTrue());
		}
	}

	@Test
	void walksAllTasks() {
		List<Page> pages = walk("/tasks?limit=4");

		assertThat(ids(pages)).isEqualTo(ids("select id from tasks order by id"));
		assertThat(pages).hasSize(3);
	}

	@Test
	void walksTasksFilteredByUserAndCompletedKeepingTheFilters() {
		List<Page> pages = walk("/tasks?userId=" + this.alice + "&completed=true&limit=1");

		assertThat(ids(pages))
			.isEqualTo(ids("select id from tasks where user_id = " + this.alice + " and completed order by id"));
		assertThat(pages).hasSizeGreaterThan(2);
		for (Page page : pages) {
			assertThat(page.query.getFirst("userId")).isEqualTo(String.valueOf(this.alice));
			assertThat(page.query.getFirst("completed")).isEqualTo("true");
			assertThat(page.query.getFirst("limit")).isEqualTo("1");
		}
	}

	@Test
	void walksTheTasksOfOneUserKeepingTheFilter() {
		List<Page> pages = walk("/users/" + this.bob + "/tasks?completed=false&limit=1");

		assertThat(ids(pages))
			.isEqualTo(ids("select id from tasks where user_id = " + this.bob + " and not completed order by id"));
		assertThat(pages).hasSize(2);
		pages.forEach((page) -> assertThat(page.query.getFirst("completed")).isEqualTo("false"));
		assertThat(ids(walk("/users/" + this.alice + "/tasks?limit=2")))
			.isEqualTo(ids("select id from tasks where user_id = " + this.alice + " order by id"));
	}

	@Test
	void returnsOnlyItemsAfterTheGivenId() {
		List<Long> tasks = ids("select id from tasks order by id");
		long middle = tasks.get(5);

		List<Long> after = Json.ids(Json.body(this.asAlice.get("/tasks?after=" + middle)));

		assertThat(after).isEqualTo(tasks.subList(6, tasks.size()));
		assertThat(Json.text(this.asAlice.get("/tasks?after=" + tasks.get(tasks.size() - 1)))).isEqualTo("[]");
		assertThat(Json.ids(Json.body(this.asAlice.get("/tasks?after=0")))).isEqualTo(tasks);
		assertThat(Json.ids(Json.body(this.asAlice.get("/users?after=" + this.alice + "&limit=1"))))
			.containsExactly(this.bob);
	}

	@Test
	void hasNoNextLinkWhenThePageIsExactlyFull() {
		long users = this.seeds.count("users");

		MvcTestResult result = this.asAlice.get("/users?limit=" + users);

		assertThat(result).bodyJson().extractingPath("$").asArray().hasSize((int) users);
		assertThat(result.getResponse().getHeader(HttpHeaders.LINK)).isNull();
	}

	@Test
	void pagesAHundredByDefaultAndUpToAThousand() {
		this.seeds.tasks(this.bob, 1100);

		MvcTestResult first = this.asAlice.get("/tasks");
		MvcTestResult largest = this.asAlice.get("/tasks?limit=1000");

		assertThat(first).bodyJson().extractingPath("$").asArray().hasSize(100);
		assertThat(nextQuery(first).getFirst("after")).isEqualTo(String.valueOf(Json.ids(Json.body(first)).get(99)));
		assertThat(largest).bodyJson().extractingPath("$").asArray().hasSize(1000);
		assertThat(nextQuery(largest).getFirst("limit")).isEqualTo("1000");
	}

	@Test
	void filtersByCompleted() {
		assertThat(Json.ids(Json.body(this.asAlice.get("/tasks?completed=true"))))
			.isEqualTo(ids("select id from tasks where completed order by id"));
		assertThat(Json.ids(Json.body(this.asAlice.get("/tasks?completed=false"))))
			.isEqualTo(ids("select id from tasks where not completed order by id"));
		assertThat(Json.ids(Json.body(this.asAlice.get("/users/" + this.bob + "/tasks?completed=true"))))
			.isEqualTo(ids("select id from tasks where user_id = " + this.bob + " and completed order by id"));
	}

	@Test
	void filtersByUser() {
		JsonNode ofBob = Json.body(this.asAlice.get("/tasks?userId=" + this.bob));

		assertThat(Json.ids(ofBob)).isEqualTo(ids("select id from tasks where user_id = " + this.bob + " order by id"));
		ofBob.forEach((task) -> assertThat(task.get("userId").asLong()).isEqualTo(this.bob));
	}

	@Test
	void answersAFilterThatMatchesNothingWithAnEmptyPage() {
		long missing = this.seeds.user("gone");
		this.jdbc.update("delete from users where id = ?", missing);

		MvcTestResult result = this.asAlice.get("/tasks?userId=" + missing);

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType("application/json");
		assertThat(Json.text(result)).isEqualTo("[]");
		assertThat(result.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		assertThat(Json.text(this.asAlice.get("/tasks?userId=999"))).isEqualTo("[]");
	}

	/**
	 * Follows next links from the first page until there is none, checking each page.
	 */
	private List<Page> walk(String first) {
		List<Page> pages = new ArrayList<>();
		String uri = first;
		while (uri != null) {
			assertThat(pages).as("pages followed").hasSizeLessThan(50);
			MvcTestResult result = this.asAlice.get(uri);
			assertThat(result).hasStatus(HttpStatus.OK);
			MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(uri).build().getQueryParams();
			JsonNode items = Json.body(result);
			pages.add(new Page(items, query));
			uri = next(result);
			if (uri != null) {
				MultiValueMap<String, String> nextQuery = UriComponentsBuilder.fromUriString(uri)
					.build()
					.getQueryParams();
				assertThat(nextQuery.getFirst("after"))
					.isEqualTo(String.valueOf(items.get(items.size() - 1).get("id")));
				query.keySet()
					.stream()
					.filter((name) -> !name.equals("after"))
					.forEach((name) -> assertThat(nextQuery.get(name)).as(name).isEqualTo(query.get(name)));
			}
		}
		return pages;
	}

	/**
	 * The path and query of the next link, or null on the last page.
	 */
	private static String next(MvcTestResult result) {
		List<String> links = result.getResponse().getHeaders(HttpHeaders.LINK);
		assertThat(links).hasSizeLessThanOrEqualTo(1);
		if (links.isEmpty()) {
			return null;
		}
		Matcher matcher = NEXT.matcher(links.get(0));
		assertThat(matcher.matches()).as(links.get(0)).isTrue();
		URI next = URI.create(matcher.group(1));
		return next.getRawPath() + "?" + next.getRawQuery();
	}

	private static MultiValueMap<String, String> nextQuery(MvcTestResult result) {
		String next = next(result);
		assertThat(next).isNotNull();
		return UriComponentsBuilder.fromUriString(next).build().getQueryParams();
	}

	private static List<Long> ids(List<Page> pages) {
		List<Long> ids = new ArrayList<>();
		pages.forEach((page) -> ids.addAll(Json.ids(page.items)));
		return ids;
	}

	private List<Long> ids(String sql) {
		return this.jdbc.queryForList(sql, Long.class);
	}

	private record Page(JsonNode items, MultiValueMap<String, String> query) {
	}

}
