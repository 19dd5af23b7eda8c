package org.userstasks.web;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the service sees another host and scheme than the client used. The
 * paging link is a relative reference, so resolved against the URL the client sent it
 * still names the next page at the proxy.
 */
@IntegrationTest
class PagingBehindProxyIT {

	private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

	// What the client sent to the proxy.
	private static final String PUBLIC_URL = "https://api.example.com/tasks?completed=false&limit=1";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	// Every request is signed in: the contract answers 401 first to one without a token.
	private String bearer;

	private List<Long> open;

	@BeforeEach
	void seed() {
		this.seeds.reset();
		long user = this.seeds.user("proxied");
		this.bearer = "Bearer " + this.seeds.token(user);
		this.seeds.task(user, "first", false);
		this.seeds.task(user, "done", true);
		this.seeds.task(user, "second", false);
		this.open = this.seeds.taskIds(user);
	}

	@Test
	void linksTheNextPageRelativeToTheRequestUrl() {
		MvcTestResult page = proxied("/tasks?completed=false&limit=1");
		String link = next(page);

		assertThat(link).isEqualTo("/tasks?completed=false&limit=1&after=" + this.open.get(0));
		assertThat(URI.create(PUBLIC_URL).resolve(link))
			.isEqualTo(URI.create("https://api.example.com/tasks?completed=false&limit=1&after=" + this.open.get(0)));
	}

	@Test
	void followingTheResolvedLinkThroughTheProxyGivesTheNextPage() {
		URI second = URI.create(PUBLIC_URL).resolve(next(proxied("/tasks?completed=false&limit=1")));

		// The proxy forwards the path and query as they are.
		MvcTestResult page = proxied(second.getRawPath() + "?" + second.getRawQuery());

		assertThat(page).hasStatusOk();
		assertThat(Json.body(page).findValuesAsString("title")).containsExactly("second");
		assertThat(page).doesNotContainHeader(HttpHeaders.LINK);
	}

	private MvcTestResult proxied(String pathAndQuery) {
		return this.mvc.get()
			.header("Authorization", this.bearer)
			.uri("http://10.0.0.7:8080" + pathAndQuery)
			.header(HttpHeaders.HOST, "10.0.0.7:8080")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "api.example.com")
			.header("X-Forwarded-Port", "443")
			.header("Forwarded", "proto=https;host=api.example.com")
			.exchange();
	}

	private static String next(MvcTestResult page) {
		assertThat(page).hasStatusOk();
		String header = page.getResponse().getHeader(HttpHeaders.LINK);
		assertThat(header).isNotNull();
		Matcher matcher = NEXT.matcher(header);
		assertThat(matcher.matches()).as(header).isTrue();
		return matcher.group(1);
	}

}
