package org.userstasks.page;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.Http;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.ProblemAssertions;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's files over real HTTP, as a browser asks for them, without a token: served at
 * exactly the page's paths, with the headers that confine them; every other path keeps
 * the API's problem+json (404 signed in, 401 without a token).
 */
@IntegrationTest
class PageIT {

	// What Chromium sends for a page and for a module script or style sheet.
	private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern IMPORT = Pattern.compile("from '\\./([\\w-]+\\.js)'");

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	private Http http;

	private String token;

	@BeforeEach
	void client() {
		this.token = this.seeds.token(this.seeds.user("alice"));
		this.http = new Http(this.port);
	}

	@ParameterizedTest
	@CsvSource({ "/, text/html", "/index.html, text/html", "/app/main.js, text/javascript", "/app/style.css, text/css",
			"/app/icon.svg, image/svg+xml" })
	void servesThePageFilesWithAStrictPolicy(String path, String type) throws IOException {
		HttpResponse<String> response = get(path, path.endsWith("/") || path.endsWith(".html") ? PAGE_ACCEPT : "*/*");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow()).toString())
			.startsWith(type);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
		Map<String, String> policy = directives(response.headers().firstValue("Content-Security-Policy").orElseThrow());
		assertThat(policy).containsEntry("default-src", "'self'")
			.containsEntry("script-src", "'self'")
			.containsEntry("style-src", "'self'")
			.containsEntry("connect-src", "'self'")
			.containsEntry("object-src", "'none'")
			.containsEntry("base-uri", "'none'")
			.containsEntry("form-action", "'self'")
			.containsEntry("frame-ancestors", "'none'");
		assertThat(policy.values()).noneMatch((sources) -> sources.contains("unsafe-") || sources.contains("*")
				|| sources.contains("data:") || sources.contains("http"));
	}

	@Test
	void servesTheSamePageAtTheRootAndAtIndexHtml() throws IOException {
		HttpResponse<String> root = get("/", PAGE_ACCEPT);
		HttpResponse<String> index = get("/index.html", PAGE_ACCEPT);

		assertThat(root.body()).isEqualTo(index.body()).contains("<script type=\"module\" src=\"/app/main.js\">");
	}

	@Test
	void thePageHasNoInlineScriptOrStyle() throws IOException {
		String page = get("/", PAGE_ACCEPT).body();

		assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find()).as("inline script").isFalse();
		assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContain("javascript:");
		assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find())
			.as("event handler attribute")
			.isFalse();
	}

	@Test
	void servesEveryModuleThePageImports() throws IOException {
		List<String> pending = new ArrayList<>(List.of("main.js"));
		List<String> served = new ArrayList<>();
		while (!pending.isEmpty()) {
			String module = pending.remove(0);
			if (served.contains(module)) {
				continue;
			}
			HttpResponse<String> response = get("/app/" + module, "*/*");
			assertThat(response.statusCode()).as(module).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(module)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
			served.add(module);
			Matcher imports = IMPORT.matcher(response.body());
			while (imports.find()) {
				pending.add(imports.group(1));
			}
		}
		assertThat(served).contains("main.js", "api.js", "session.js", "board.js", "tasks.js", "messages.js");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/nope", "/apps/main.js", "/index.htm", "/index.html/x", "/main.js", "/static/index.html",
			"/application.properties", "/users/1/index.html" })
	void answersAPathThatIsNotThePagesWithTheApisProblem(String path) throws IOException {
		HttpResponse<String> signedIn = this.http.as(this.token)
			.send(this.http.as(this.token).request(path).header("Accept", PAGE_ACCEPT).GET());
		HttpResponse<String> signedOut = get(path, PAGE_ACCEPT);

		assertProblem(signedIn, HttpStatus.NOT_FOUND, path);
		assertProblem(signedOut, HttpStatus.UNAUTHORIZED, path);
		assertThat(signedOut.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/app/nope.js", "/app/index.html", "/app" })
	void answersAMissingFileOfThePageWith404(String path) throws IOException {
		// /app/** is public, token or not: there is nothing there to hide behind a 401.
		assertProblem(get(path, "*/*"), HttpStatus.NOT_FOUND, path);
	}

	@ParameterizedTest
	@CsvSource({ "POST, /", "DELETE, /index.html", "PUT, /app/main.js", "PATCH, /app/style.css" })
	void answersAWriteToThePageWith405(String method, String path) throws IOException {
		Http signedIn = this.http.as(this.token);
		HttpResponse<String> response = signedIn
			.send(signedIn.request(path).method(method, BodyPublishers.ofString("{}")));

		assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, path);
	}

	/**
	 * The same through MockMvc, where no container error page would turn a bare status
	 * into a problem: the API's own error handling answers.
	 */
	@ParameterizedTest
	@CsvSource({ "POST, /, 405", "PUT, /index.html, 405", "POST, /app/main.js, 405", "GET, /app/nope.js, 404",
			"DELETE, /app/, 404" })
	void answersAWrongRequestForThePageWithAProblemFromTheApi(String method, String path, int status) {
		ProblemAssertions.assertProblem(this.mvc.method(HttpMethod.valueOf(method))
			.uri(path)
			.header("Authorization", "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange(), HttpStatus.valueOf(status), path);
	}

	private static void assertProblem(HttpResponse<String> response, HttpStatus status, String path) {
		assertThat(response.statusCode()).isEqualTo(status.value());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("<html").doesNotContain("<!doctype");
		ProblemAssertions.assertShape(Json.parse(response.body()), status, path);
	}

	private HttpResponse<String> get(String path, String accept) throws IOException {
		return this.http.send(this.http.request(path).header("Accept", accept).GET());
	}

	private static Map<String, String> directives(String policy) {
		Map<String, String> directives = new LinkedHashMap<>();
		for (String directive : policy.split(";")) {
			String[] parts = directive.trim().split("\\s+", 2);
			if (!parts[0].isEmpty()) {
				directives.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return directives;
	}

}
