package org.userstasks.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.ProblemAssertions;
import org.userstasks.testing.RawConnection;
import org.userstasks.testing.RawConnection.Response;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container itself refuses, or that fail while it parses them, are
 * answered as problem+json too. Sent over a raw socket: an HTTP client would refuse to
 * send these URIs at all.
 */
@IntegrationTest
class ContainerErrorsIT {

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	private String token;

	@BeforeEach
	void signIn() {
		this.seeds.reset();
		this.token = this.seeds.token(this.seeds.user("alice"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/%zz", "/users/a%2Fb", "/users/1%5C", "/users/%00", "/tasks/%" })
	void answersAnUndecodableUriWithProblemJson(String path) throws IOException {
		RawResponse response = get(path);

		assertThat(response.status).isEqualTo(400);
		assertThat(response.head).containsIgnoringCase("Content-Type: application/problem+json");
		ProblemAssertions.assertNoInternals(response.body);
		var problem = Json.parse(response.body);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo(HttpStatus.BAD_REQUEST.getReasonPhrase());
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users?limit=%zz", "/tasks?completed=%", "/users/1/tasks?after=%e9" })
	void answersAnUndecodableQueryWith400(String uri) throws IOException {
		RawResponse response = get(uri);

		assertThat(response.status).isEqualTo(400);
		assertThat(response.head).containsIgnoringCase("Content-Type: application/problem+json");
		ProblemAssertions.assertShape(Json.parse(response.body), HttpStatus.BAD_REQUEST,
				uri.substring(0, uri.indexOf('?')));
	}

	/**
	 * Found by fuzzing: Tomcat answers a transfer coding it does not implement with 501
	 * and another HTTP version with 505; the contract allows no 5xx for a malformed
	 * request.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "POST /users HTTP/1.1\r\nTransfer-Encoding: gzip\r\n",
			"POST /users HTTP/1.1\r\nTransfer-Encoding: identity\r\n",
			"POST /users HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n", "GET /users HTTP/1.2\r\n",
			"GET /users HTTP/2.0\r\n" })
	void answersAnUnknownTransferCodingOrHttpVersionWith400(String requestLineAndHeader) throws IOException {
		long users = this.seeds.count("users");
		Response response = RawConnection.exchange(this.port, requestLineAndHeader
				+ "Host: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n3\r\n{}\n\r\n0\r\n\r\n",
				null);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(Json.parse(response.body()).get("status").asInt()).isEqualTo(400);
		assertThat(this.seeds.count("users")).isEqualTo(users);
	}

	/**
	 * Found by fuzzing: Tomcat answers {@code OPTIONS *} itself, outside the host's
	 * pipeline, so a refusal of its HTTP version left as a bare 505 with no body. The
	 * same request with other versions and framing, and the same versions and framing on
	 * a path, for comparison.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "OPTIONS * HTTP/2.0\r\n", "OPTIONS * HTTP/1.2\r\n",
			"OPTIONS * HTTP/2.0\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n",
			"OPTIONS * HTTP/2.0\r\nContent-Type: nonsense\r\nAuthorization: Basic\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n",
			"OPTIONS * HTTP/1.1\r\nTransfer-Encoding: gzip\r\n", "GET * HTTP/2.0\r\n",
			"GET /users HTTP/2.0\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n" })
	void answersARefusedAsteriskOrVersionRequestWithProblemJson(String requestLineAndHeaders) throws IOException {
		Response response = RawConnection.exchange(this.port,
				requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\n\r\n0\r\n\r\n", null);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		ProblemAssertions.assertNoInternals(response.body());
		var problem = Json.parse(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo(HttpStatus.BAD_REQUEST.getReasonPhrase());
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
	}

	/**
	 * With both framings an HTTP/1.1 request is read by its Transfer-Encoding (RFC 9112,
	 * 6.3), which Tomcat accepts: nothing refused, so the usual answer.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "OPTIONS * HTTP/1.1\r\n", "OPTIONS * HTTP/1.0\r\n",
			"OPTIONS * HTTP/1.1\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n" })
	void stillAnswersAnAcceptedOptionsAsteriskWithItsAllowedMethods(String requestLineAndHeaders) throws IOException {
		Response response = RawConnection.exchange(this.port,
				requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\n\r\n0\r\n\r\n", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers()).containsKey("allow");
	}

	/**
	 * Found by fuzzing: a TRACE, refused by the container itself, reached the error page
	 * with the request's charset as the client named it, and an empty one failed there.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "application/json; charset=", "text/plain; charset=\"\"", "application/json; charset=x y",
			"text/plain; charset=bogus" })
	void answersATraceWithAnOddCharsetWith405(String contentType) throws IOException {
		Response response = RawConnection.exchange(this.port, "TRACE /users HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\nContent-Type: " + contentType + "\r\n\r\n", null);

		assertThat(response.status()).as(response.body()).isEqualTo(405);
		assertThat(response.contentType()).startsWith("application/problem+json");
		ProblemAssertions.assertShape(Json.parse(response.body()), HttpStatus.METHOD_NOT_ALLOWED, "/users");
	}

	/**
	 * One HTTP/1.0 exchange: the server closes the connection after a body that is not
	 * chunked.
	 */
	private RawResponse get(String uri) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + uri + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/html\r\nAuthorization: Bearer "
					+ this.token + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int split = raw.indexOf("\r\n\r\n");
			String head = raw.substring(0, split);
			int status = Integer.parseInt(head.substring(9, 12));
			return new RawResponse(status, head, raw.substring(split + 4));
		}
	}

	private record RawResponse(int status, String head, String body) {
	}

}
