package org.userstasks.testing;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short JSON requests through MockMvc, and creation of users and tasks through the API
 * for tests that need them made the way a client makes them. {@code api} itself sends no
 * token; {@code api.as(token)} sends every request with {@code Authorization: Bearer
 * <token>}, a token usually seeded with {@link Seeds#token(long)}.
 */
@TestComponent
public class Api {

	private final MockMvcTester mvc;

	private final Seeds seeds;

	private final UnaryOperator<MockMvcRequestBuilder> credentials;

	@Autowired
	public Api(MockMvcTester mvc, Seeds seeds) {
		this(mvc, seeds, UnaryOperator.identity());
	}

	private Api(MockMvcTester mvc, Seeds seeds, UnaryOperator<MockMvcRequestBuilder> credentials) {
		this.mvc = mvc;
		this.seeds = seeds;
		this.credentials = credentials;
	}

	/**
	 * The same requests, signed in with this token.
	 */
	public Api as(String token) {
		return withAuthorization("Bearer " + token);
	}

	/**
	 * The same requests, signed in as the user with a token seeded for them.
	 */
	public Api asUser(long userId) {
		return as(this.seeds.token(userId));
	}

	/**
	 * The same requests with this {@code Authorization} header, verbatim.
	 */
	public Api withAuthorization(String authorization) {
		return new Api(this.mvc, this.seeds, (request) -> request.header(HttpHeaders.AUTHORIZATION, authorization));
	}

	/**
	 * The same requests with one more header, such as {@code If-Match}.
	 */
	public Api withHeader(String name, String value) {
		return new Api(this.mvc, this.seeds, (request) -> this.credentials.apply(request).header(name, value));
	}

	/**
	 * The same requests, conditional on {@code If-Match} with these entity tags.
	 */
	public Api ifMatch(String etags) {
		return withHeader(HttpHeaders.IF_MATCH, etags);
	}

	public MockMvcTester mvc() {
		return this.mvc;
	}

	/**
	 * A request of any kind, with this Api's credentials.
	 */
	public MockMvcRequestBuilder signed(MockMvcRequestBuilder request) {
		return this.credentials.apply(request);
	}

	public MvcTestResult get(String uri) {
		return checked(signed(this.mvc.get().uri(uri)).exchange(), null);
	}

	public MvcTestResult post(String uri, String json) {
		return checked(
				signed(this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json)).exchange(),
				json);
	}

	public MvcTestResult patch(String uri, String json) {
		return checked(
				signed(this.mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json)).exchange(),
				json);
	}

	public MvcTestResult delete(String uri) {
		return checked(signed(this.mvc.delete().uri(uri)).exchange(), null);
	}

	/**
	 * The entity tag a GET of the resource answers with (200).
	 */
	public String etagOf(String uri) {
		MvcTestResult result = get(uri);
		assertThat(result).as("GET " + uri).hasStatusOk();
		return etag(result);
	}

	/**
	 * The {@code ETag} of a response, which must have one.
	 */
	public static String etag(MvcTestResult result) {
		String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).as("ETag").isNotNull();
		return etag;
	}

	/**
	 * No response shows a token, a hash or the request's password; only the body of a
	 * successful sign-in carries a token, its own.
	 */
	private static MvcTestResult checked(MvcTestResult result, String requestBody) {
		var response = result.getResponse();
		List<String> passwords = Secrets.passwordsIn(requestBody);
		for (String name : response.getHeaderNames()) {
			Secrets.assertNoneIn("header " + name, String.join(", ", response.getHeaders(name)), passwords);
		}
		boolean issuing = result.getRequest().getMethod().equals("POST")
				&& result.getRequest().getRequestURI().equals("/tokens") && response.getStatus() == 200;
		String body = Json.text(result);
		Secrets.assertNoneIn("the body", issuing ? Secrets.TOKEN.matcher(body).replaceFirst("ut_…") : body, passwords);
		return result;
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

	/**
	 * Signs in over the API (a password check: about 100 ms) and returns the token.
	 */
	public String signIn(String username, String password) {
		MvcTestResult result = post("/tokens",
				"{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}");
		assertThat(result).hasStatus(HttpStatus.OK);
		return Json.body(result).get("accessToken").asString();
	}

	/**
	 * Creates a task over the API as its owner (with a token seeded for the owner) and
	 * returns its id.
	 */
	public long createTask(long userId, String title) {
		MvcTestResult result = as(this.seeds.token(userId)).post("/users/" + userId + "/tasks",
				"{\"title\":" + Json.quote(title) + "}");
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return Json.body(result).get("id").asLong();
	}

}
