package org.userstasks.page;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page as a person uses it, found the way they find things: controls by their label
 * or text, users by their heading. Each action waits for the page to show its outcome.
 */
final class PageInBrowser {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final Browser browser;

	private final WebDriver driver;

	private final String base;

	PageInBrowser(Browser browser, int port) {
		this.browser = browser;
		this.driver = browser.driver();
		this.base = "http://localhost:" + port;
	}

	Browser browser() {
		return this.browser;
	}

	WebDriver driver() {
		return this.driver;
	}

	PageInBrowser open() {
		this.driver.get(this.base + "/");
		waitFor(() -> isShown(By.id("sign-in")) || isShown(By.id("board")));
		return this;
	}

	void signUp(String username, String password) {
		fillCredentials(username, password);
		button("Sign up").click();
	}

	void signIn(String username, String password) {
		fillCredentials(username, password);
		button("Sign in").click();
	}

	private void fillCredentials(String username, String password) {
		WebElement name = input("Username");
		name.clear();
		name.sendKeys(username);
		WebElement secret = input("Password");
		secret.clear();
		secret.sendKeys(password);
	}

	/**
	 * Waits until the board shows the signed-in user's own section, and returns it.
	 */
	WebElement waitForOwnSection() {
		waitFor(() -> isShown(By.cssSelector("section.user.mine")) && !isBusy());
		return this.driver.findElement(By.cssSelector("section.user.mine"));
	}

	void waitForSignInForm() {
		waitFor(() -> isShown(By.id("sign-in")) && !isShown(By.id("board")));
	}

	void signOut() {
		button("Sign out").click();
		waitForSignInForm();
	}

	void addTask(String title) {
		WebElement input = input("New task");
		input.clear();
		input.sendKeys(title);
		button("Add task").click();
		waitFor(() -> notice().equals("Added “" + title + "”."));
	}

	/**
	 * Types a title that the service refuses, and waits for the error.
	 */
	void addTaskExpectingError(String title) {
		WebElement input = input("New task");
		input.clear();
		input.sendKeys(title);
		button("Add task").click();
		waitFor(() -> !alert().isEmpty());
	}

	void tick(String owner, String title) {
		WebElement box = checkbox(owner, title);
		boolean before = box.isSelected();
		box.click();
		waitFor(() -> notice().startsWith("“" + title + "” is ") && checkbox(owner, title).isSelected() != before);
	}

	void rename(String owner, String from, String to) {
		WebElement task = task(owner, from);
		task.findElement(buttonNamed("Rename")).click();
		waitFor(() -> isShown(task, By.cssSelector(".rename-form")));
		WebElement title = inputIn(task, "Title");
		title.clear();
		title.sendKeys(to);
		task.findElement(buttonNamed("Save")).click();
	}

	void delete(String owner, String title) {
		task(owner, title).findElement(buttonNamed("Delete")).click();
		waitFor(() -> notice().equals("Deleted “" + title + "”."));
	}

	/**
	 * Deletes the account through the confirmation dialog, first cancelling once.
	 */
	void deleteAccount() {
		button("Delete account").click();
		WebElement dialog = this.driver.findElement(By.id("confirm-delete"));
		waitFor(dialog::isDisplayed);
		this.browser.screenshot("delete-account-confirmation");
		dialog.findElement(buttonNamed("Cancel")).click();
		waitFor(() -> !dialog.isDisplayed());
		assertThat(isShown(By.cssSelector("section.user.mine"))).as("still there after Cancel").isTrue();
		button("Delete account").click();
		waitFor(dialog::isDisplayed);
		dialog.findElement(buttonNamed("Delete my account")).click();
		waitForSignInForm();
	}

	void loadMore() {
		int before = usernames().size();
		button("Load more").click();
		waitFor(() -> usernames().size() > before);
	}

	boolean canLoadMore() {
		return !this.driver.findElements(buttonNamed("Load more")).isEmpty()
				&& this.driver.findElement(buttonNamed("Load more")).isDisplayed();
	}

	void refresh() {
		button("Refresh").click();
	}

	/**
	 * Presses Tab until the target has the focus, checking that every control on the way
	 * shows that it has it.
	 */
	void tabTo(WebElement target) {
		for (int presses = 0; presses < 50; presses++) {
			WebElement focused = this.driver.switchTo().activeElement();
			if (!focused.getTagName().equals("body")) {
				assertThat(script(
						"const style = getComputedStyle(arguments[0]);"
								+ " return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2",
						focused))
					.as("focus visible on %s %s", focused.getTagName(), focused.getText())
					.isEqualTo(true);
			}
			if (focused.equals(target)) {
				return;
			}
			new Actions(this.driver).sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("Tab never reached " + target.getTagName() + " " + target.getAccessibleName());
	}

	/**
	 * Types keys into whatever has the focus, as a keyboard does.
	 */
	void type(CharSequence... keys) {
		new Actions(this.driver).sendKeys(keys).perform();
	}

	/**
	 * The usernames the board shows, each the heading of its section, in order.
	 */
	@SuppressWarnings("unchecked")
	List<String> usernames() {
		// One script rather than a request per heading: the board may show hundreds.
		return (List<String>) script(
				"return [...document.querySelectorAll('#users section.user > h3')].map((h) => h.textContent)");
	}

	WebElement section(String username) {
		return this.driver.findElement(
				By.xpath("//section[contains(@class,'user')][h3[normalize-space()=" + literal(username) + "]]"));
	}

	/**
	 * The titles of a user's tasks, as the board shows them.
	 */
	List<String> titles(String username) {
		return section(username).findElements(By.cssSelector(".task-title")).stream().map(WebElement::getText).toList();
	}

	WebElement task(String owner, String title) {
		return section(owner).findElement(
				By.xpath(".//li[contains(@class,'task')][.//label[normalize-space()=" + literal(title) + "]]"));
	}

	/**
	 * The checkbox whose label is the task's title.
	 */
	WebElement checkbox(String owner, String title) {
		WebElement label = task(owner, title).findElement(By.cssSelector("label.task-title"));
		return this.driver.findElement(By.id(label.getDomAttribute("for")));
	}

	/**
	 * The input a label names, anywhere on the page.
	 */
	WebElement input(String label) {
		return inputIn(this.driver.findElement(By.tagName("body")), label);
	}

	WebElement inputIn(WebElement scope, String label) {
		WebElement labelElement = scope.findElements(By.xpath(".//label[normalize-space()=" + literal(label) + "]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no visible label " + label));
		return this.driver.findElement(By.id(labelElement.getDomAttribute("for")));
	}

	/**
	 * The visible button with this text.
	 */
	WebElement button(String text) {
		return this.driver.findElements(buttonNamed(text))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no visible button " + text));
	}

	static By buttonNamed(String text) {
		return By.xpath(".//button[normalize-space()=" + literal(text) + "]");
	}

	/**
	 * Every visible control (input, button) has an accessible name, from its label or its
	 * text: the names of those without one.
	 */
	List<String> unnamedControls() {
		return this.driver.findElements(By.cssSelector("input, button, select, textarea"))
			.stream()
			.filter(WebElement::isDisplayed)
			.filter((control) -> control.getAccessibleName().isBlank())
			.map((control) -> control.getTagName() + "#" + control.getDomAttribute("id"))
			.toList();
	}

	/**
	 * The error shown next to an input: the element its aria-describedby names.
	 */
	String fieldError(WebElement input) {
		return this.driver.findElement(By.id(input.getDomAttribute("aria-describedby"))).getText();
	}

	String alert() {
		return this.driver.findElement(By.cssSelector("[role=alert]")).getText();
	}

	String notice() {
		return this.driver.findElement(By.cssSelector("[role=status]")).getText();
	}

	void waitForAlert(String text) {
		waitFor(() -> alert().contains(text));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	boolean isShown(By by) {
		return this.driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
	}

	private static boolean isShown(WebElement scope, By by) {
		return scope.findElements(by).stream().anyMatch(WebElement::isDisplayed);
	}

	private boolean isBusy() {
		return !this.driver.findElements(By.cssSelector("[aria-busy=true]")).isEmpty();
	}

	void waitFor(Condition condition) {
		new WebDriverWait(this.driver, WAIT).ignoring(NoSuchElementException.class)
			.until((driver) -> condition.holds());
	}

	void waitUntilVisible(By by) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	// An XPath string literal of text without double quotes.
	private static String literal(String text) {
		assertThat(text).doesNotContain("\"");
		return "\"" + text + "\"";
	}

	@FunctionalInterface
	interface Condition {

		boolean holds();

	}

}
