package org.userstasks.page;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import org.userstasks.testing.Http;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's story, told through the web page in a real headless Chromium against the
 * running service: people sign up and sign in, add, complete, rename and delete their
 * tasks, see everyone else's without being able to change them, page through the users,
 * are sent back to the sign-in form when their token expires, and delete their account.
 * Each step's screenshot goes to {@code target/browser/<database>/<test>/}.
 * <p>
 * Runs on H2 only (the pom leaves it out of the PostgreSQL pass): the page sends no SQL
 * of its own, every endpoint it calls is tested on both databases by the API's tests, and
 * the browser pass costs about a minute and a half per database on a two-core machine.
 */
@IntegrationTest
class PageStoryIT {

	private static final Path OUTPUT = Path.of("target", "browser");

	private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Browser> browsers = new ArrayList<>();

	private Screenshots screenshots;

	@AfterAll
	static void noBrowserLeftRunning() throws InterruptedException {
		assertNoBrowserProcessLeft();
	}

	@BeforeEach
	void screenshotsOf(TestInfo test) {
		// Here rather than once per class, so that each test is reported as skipped.
		Browser.assumeInstalled();
		Path directory = OUTPUT.resolve(database()).resolve(test.getTestMethod().orElseThrow().getName());
		FileSystemUtils.deleteRecursively(directory.toFile());
		this.screenshots = new Screenshots(directory);
	}

	@AfterEach
	void closeBrowsers() {
		try {
			this.browsers.forEach(Browser::assertNoScriptErrors);
		}
		finally {
			this.browsers.forEach(Browser::close);
			this.browsers.clear();
		}
	}

	@Test
	void twoPeopleShareTheBoardAndOnlyTheOwnerChangesTheirTasks() {
		PageInBrowser alice = person("alice", Browser.DESKTOP).open();
		alice.browser().screenshot("sign-in-form");
		alice.signUp("alice", "alice-password");
		alice.waitForOwnSection();
		alice.browser().screenshot("signed-up");

		alice.addTask("Write report");
		alice.addTask("Buy milk");
		alice.addTask("Plan trip");
		alice.browser().screenshot("three-tasks");
		alice.tick("alice", "Buy milk");
		alice.rename("alice", "Plan trip", "Plan the trip");
		alice.waitFor(() -> alice.notice().equals("Renamed to “Plan the trip”."));
		alice.delete("alice", "Write report");
		alice.browser().screenshot("completed-renamed-deleted");

		assertThat(alice.titles("alice")).containsExactly("Buy milk", "Plan the trip");
		assertThat(alice.checkbox("alice", "Buy milk").isSelected()).isTrue();
		assertThat(alice.checkbox("alice", "Plan the trip").isSelected()).isFalse();
		assertThat(storedTasks("alice")).containsExactly(Map.of("title", "Buy milk", "completed", true),
				Map.of("title", "Plan the trip", "completed", false));

		PageInBrowser bob = person("bob", Browser.DESKTOP).open();
		bob.signUp("bob", "bob-password");
		bob.waitForOwnSection();
		bob.addTask("Return library books");
		bob.browser().screenshot("board-of-bob");

		assertThat(bob.usernames()).containsExactly("bob", "alice");
		assertThat(bob.titles("alice")).containsExactly("Buy milk", "Plan the trip");
		WebElement alicesTasks = bob.section("alice");
		assertThat(alicesTasks.findElements(By.tagName("button"))).as("buttons on alice's tasks").isEmpty();
		List<WebElement> inputs = alicesTasks.findElements(By.tagName("input"));
		assertThat(inputs).hasSize(2).allSatisfy((input) -> {
			assertThat(input.getDomAttribute("type")).isEqualTo("checkbox");
			assertThat(input.isEnabled()).isFalse();
		});
		assertThat(inputs).extracting(WebElement::getAccessibleName).containsExactly("Buy milk", "Plan the trip");
		assertThat(bob.checkbox("alice", "Buy milk").isSelected()).isTrue();
		assertThat(alice.task("alice", "Buy milk").findElement(PageInBrowser.buttonNamed("Delete")).getAccessibleName())
			.isEqualTo("Delete");

		// The token lives in this tab's sessionStorage only: a reload keeps bob signed
		// in.
		assertThat(bob.script("return [localStorage.length, document.cookie, sessionStorage.length]"))
			.isEqualTo(List.of(0L, "", 1L));
		bob.driver().navigate().refresh();
		bob.waitForOwnSection();
		assertThat(bob.usernames()).containsExactly("bob", "alice");

		alice.refresh();
		alice.waitFor(() -> alice.usernames().equals(List.of("alice", "bob")));
		assertThat(alice.section("bob").findElements(By.tagName("button"))).as("buttons on bob's tasks").isEmpty();
		alice.browser().screenshot("board-of-alice");
		assertThat(alice.unnamedControls()).isEmpty();
		assertThat(bob.unnamedControls()).isEmpty();

		// Signing out revokes the token, and forgets it.
		long bobsId = this.jdbc.queryForObject("select id from users where username = 'bob'", Long.class);
		assertThat(this.seeds.tokenCount(bobsId)).isOne();
		bob.signOut();
		assertThat(bob.notice()).isEqualTo("Signed out.");
		assertThat(bob.script("return sessionStorage.length")).isEqualTo(0L);
		assertThat(this.seeds.tokenCount(bobsId)).isZero();
	}

	@Test
	void showsEachProblemNextToTheFieldItConcerns() {
		this.seeds.user("taken");
		PageInBrowser carol = person("carol", Browser.DESKTOP).open();

		carol.signUp("carol", "short");
		carol.waitFor(() -> !carol.fieldError(carol.input("Password")).isEmpty());
		assertThat(carol.alert()).isNotBlank();
		assertThat(carol.input("Password").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(carol.fieldError(carol.input("Username"))).isEmpty();
		carol.browser().screenshot("password-too-short");

		carol.signUp("TAKEN", "long-enough-password");
		carol.waitFor(() -> !carol.fieldError(carol.input("Username")).isEmpty());
		assertThat(carol.fieldError(carol.input("Password"))).isEmpty();
		assertThat(carol.alert()).isEqualTo(carol.fieldError(carol.input("Username")));
		carol.browser().screenshot("username-taken");

		carol.signIn("nobody", "long-enough-password");
		carol.waitFor(() -> carol.fieldError(carol.input("Username")).isEmpty() && !carol.alert().isBlank());
		assertThat(carol.isShown(By.id("sign-in"))).isTrue();
		carol.browser().screenshot("wrong-password");

		carol.signUp("carol", "carol-password");
		carol.waitForOwnSection();
		carol.addTaskExpectingError("   ");
		WebElement newTask = carol.input("New task");
		assertThat(carol.fieldError(newTask)).isNotBlank();
		assertThat(carol.driver().switchTo().activeElement()).isEqualTo(newTask);
		carol.browser().screenshot("blank-title");

		carol.addTask("Water plants");
		carol.rename("carol", "Water plants", " ");
		WebElement title = carol.inputIn(carol.task("carol", "Water plants"), "Title");
		carol.waitFor(() -> !carol.fieldError(title).isEmpty());
		assertThat(carol.alert()).isNotBlank();
		carol.browser().screenshot("blank-rename");
		assertThat(storedTasks("carol")).containsExactly(Map.of("title", "Water plants", "completed", false));
	}

	@Test
	void loadsMoreUsersWhileTheLinkHeaderHasANextPage() {
		List<Long> seeded = this.seeds.users("seeded-", 120);
		this.seeds.task(seeded.get(0), "First seeded task", false);
		this.seeds.task(seeded.get(119), "Last seeded task", true);
		PageInBrowser dave = person("dave", Browser.DESKTOP).open();
		dave.signUp("dave", "dave-password");
		dave.waitForOwnSection();

		// Dave's own section, then the first page of 100 users.
		assertThat(dave.usernames()).hasSize(101).startsWith("dave", "seeded-0", "seeded-1").endsWith("seeded-99");
		assertThat(dave.titles("seeded-0")).containsExactly("First seeded task");
		assertThat(dave.canLoadMore()).isTrue();
		dave.browser().screenshot("first-page");

		dave.loadMore();
		assertThat(dave.usernames()).hasSize(121).endsWith("seeded-119");
		assertThat(dave.titles("seeded-119")).containsExactly("Last seeded task");
		assertThat(dave.canLoadMore()).isFalse();
		assertThat(dave.driver().switchTo().activeElement().getText()).isEqualTo("seeded-100");
		dave.browser().screenshot("second-page");
	}

	@Test
	void anExpiredTokenReturnsToTheSignInForm() {
		PageInBrowser erin = person("erin", Browser.DESKTOP).open();
		erin.signUp("erin", "erin-password");
		erin.waitForOwnSection();
		erin.addTask("Renew passport");

		// Issued and expired long ago, whatever the service's clock says now.
		this.jdbc.update("update tokens set created_at = ?, expires_at = ?", Timestamp.from(LONG_AGO),
				Timestamp.from(LONG_AGO.plusSeconds(60)));
		erin.refresh();

		erin.waitForSignInForm();
		erin.waitForAlert("Your session has ended");
		assertThat(erin.script("return sessionStorage.length")).isEqualTo(0L);
		erin.browser().screenshot("session-ended");
		erin.signIn("erin", "erin-password");
		erin.waitForOwnSection();
		assertThat(erin.titles("erin")).containsExactly("Renew passport");
	}

	@Test
	void deletingAnAccountRemovesTheUserAndTheirTasksFromTheBoard() {
		PageInBrowser frank = person("frank", Browser.DESKTOP).open();
		frank.signUp("frank", "frank-password");
		frank.waitForOwnSection();
		frank.addTask("Feed the cat");
		frank.addTask("Fix the bike");
		PageInBrowser grace = person("grace", Browser.DESKTOP).open();
		grace.signUp("grace", "grace-password");
		grace.waitForOwnSection();
		assertThat(grace.usernames()).containsExactly("grace", "frank");

		frank.deleteAccount();
		frank.waitFor(() -> frank.notice().equals("Your account and its tasks were deleted."));
		frank.browser().screenshot("account-deleted");

		assertThat(this.jdbc.queryForObject("select count(*) from users where username = 'frank'", Long.class))
			.isZero();
		assertThat(this.seeds.count("tasks")).isZero();
		grace.refresh();
		grace.waitFor(() -> grace.usernames().equals(List.of("grace")));
		grace.browser().screenshot("frank-gone");
	}

	@Test
	void aTaskChangedElsewhereIsShownAsItIsNow() throws IOException {
		PageInBrowser heidi = person("heidi", Browser.DESKTOP).open();
		heidi.signUp("heidi", "heidi-password");
		heidi.waitForOwnSection();
		heidi.addTask("Call mum");
		long task = this.seeds
			.taskIds(this.jdbc.queryForObject("select id from users where username = 'heidi'", Long.class))
			.get(0);
		Http elsewhere = new Http(this.port);
		String token = signIn(elsewhere, "heidi", "heidi-password");

		// The page still holds the ETag of its own POST: its PATCH gets a 412.
		patchElsewhere(elsewhere, token, task, "{\"title\":\"Call mum tonight\"}");
		heidi.checkbox("heidi", "Call mum").click();
		heidi.waitForAlert("changed elsewhere");
		assertThat(heidi.titles("heidi")).containsExactly("Call mum tonight");
		assertThat(heidi.checkbox("heidi", "Call mum tonight").isSelected()).isFalse();
		heidi.browser().screenshot("changed-elsewhere");
		assertThat(storedTasks("heidi")).containsExactly(Map.of("title", "Call mum tonight", "completed", false));

		// Without an ETag of its own (the board was reloaded), the page reads the task
		// before deleting it, and sees that it is no longer what it shows.
		heidi.refresh();
		heidi.waitFor(() -> heidi.titles("heidi").equals(List.of("Call mum tonight")));
		patchElsewhere(elsewhere, token, task, "{\"title\":\"Call mum at six\"}");
		heidi.task("heidi", "Call mum tonight").findElement(PageInBrowser.buttonNamed("Delete")).click();
		heidi.waitForAlert("“Call mum at six” was changed elsewhere");
		assertThat(heidi.titles("heidi")).containsExactly("Call mum at six");
		assertThat(storedTasks("heidi")).containsExactly(Map.of("title", "Call mum at six", "completed", false));
	}

	@Test
	void worksWithTheKeyboardAlone() {
		PageInBrowser ivan = person("ivan", Browser.DESKTOP).open();

		ivan.tabTo(ivan.input("Username"));
		ivan.type("ivan");
		ivan.tabTo(ivan.input("Password"));
		ivan.type("ivan-password");
		ivan.tabTo(ivan.button("Sign up"));
		ivan.type(Keys.ENTER);
		ivan.waitForOwnSection();
		ivan.tabTo(ivan.input("New task"));
		ivan.type("Typed task", Keys.ENTER);
		ivan.waitFor(() -> ivan.notice().equals("Added “Typed task”."));
		ivan.browser().screenshot("focus-in-new-task");
		ivan.tabTo(ivan.checkbox("ivan", "Typed task"));
		ivan.type(Keys.SPACE);
		ivan.waitFor(() -> ivan.notice().equals("“Typed task” is done."));
		ivan.tabTo(ivan.task("ivan", "Typed task").findElement(PageInBrowser.buttonNamed("Rename")));
		ivan.type(Keys.ENTER);
		ivan.waitFor(() -> ivan.driver().switchTo().activeElement().getDomAttribute("name").equals("title"));
		ivan.type(Keys.END, " now", Keys.ENTER);
		ivan.waitFor(() -> ivan.notice().equals("Renamed to “Typed task now”."));
		ivan.browser().screenshot("renamed-by-keyboard");

		assertThat(storedTasks("ivan")).containsExactly(Map.of("title", "Typed task now", "completed", true));
	}

	@Test
	void followsANextLinkWhetherAbsoluteOrRelative() {
		PageInBrowser page = person("kim", Browser.DESKTOP).open();
		String base = "http://localhost:" + this.port;

		assertThat(nextLink(page, "</users?include=tasks&after=100>; rel=\"next\""))
			.isEqualTo(base + "/users?include=tasks&after=100");
		assertThat(nextLink(page, "<" + base + "/users?after=7>; rel=\"next\"")).isEqualTo(base + "/users?after=7");
		assertThat(nextLink(page, "</users?after=1>; rel=\"prev\", </users?after=9>; rel=\"next\""))
			.isEqualTo(base + "/users?after=9");
		assertThat(nextLink(page, "</users?after=1>; rel=\"prev\"")).isNull();
	}

	private static Object nextLink(PageInBrowser page, String header) {
		// The page's own module, imported in the page as it imports it.
		return page.browser()
			.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ " import('/app/api.js').then((api) => done(api.nextLink(arguments[0])), (e) => done(String(e)));",
					header);
	}

	@Test
	void fitsAPhoneSizedWindow() {
		PageInBrowser judy = person("judy", Browser.PHONE).open();
		assertFitsTheWindow(judy);
		judy.browser().screenshot("sign-in-form");
		judy.signUp("judy", "judy-password");
		judy.waitForOwnSection();
		judy.addTask("A rather long task title that has to wrap on a narrow screen without scrolling sideways");
		judy.addTask("Short one");
		this.seeds.task(this.seeds.user("someone-else-with-a-long-username"), "Their task", true);
		judy.refresh();
		judy.waitFor(() -> judy.usernames().size() == 2);

		assertFitsTheWindow(judy);
		judy.browser().screenshot("board");
	}

	private static void assertFitsTheWindow(PageInBrowser page) {
		assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scroll")
			.isEqualTo(true);
	}

	private PageInBrowser person(String name, Dimension size) {
		Browser browser = new Browser(name, size, this.screenshots);
		this.browsers.add(browser);
		return new PageInBrowser(browser, this.port);
	}

	private List<Map<String, Object>> storedTasks(String username) {
		return this.jdbc.queryForList(
				"select t.title as \"title\", t.completed as \"completed\" from tasks t join users u on u.id = t.user_id "
						+ "where u.username = ? order by t.id",
				username);
	}

	private static String signIn(Http http, String username, String password) throws IOException {
		HttpResponse<String> response = http.post("/tokens",
				"{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}");
		assertThat(response.statusCode()).isEqualTo(200);
		return Json.parse(response.body()).get("accessToken").asString();
	}

	private static void patchElsewhere(Http http, String token, long task, String json) throws IOException {
		HttpResponse<String> response = http.send(http.request("/tasks/" + task)
			.header("Authorization", "Bearer " + token)
			.method("PATCH", BodyPublishers.ofString(json)));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static String database() {
		return TestDatabase.isPostgres() ? "postgresql" : "h2";
	}

	/**
	 * Every Chromium and chromedriver the tests started has exited.
	 */
	private static void assertNoBrowserProcessLeft() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		List<String> left = browserProcesses();
		while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			left = browserProcesses();
		}
		assertThat(left).as("browser processes still running").isEmpty();
	}

	private static List<String> browserProcesses() {
		return ProcessHandle.current()
			.descendants()
			.filter(ProcessHandle::isAlive)
			.map((process) -> process.pid() + " " + process.info().command().orElse("?"))
			.filter((process) -> process.contains("chrom"))
			.toList();
	}

}
