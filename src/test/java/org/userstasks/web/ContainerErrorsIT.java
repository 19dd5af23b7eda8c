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

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.ProblemAssertions;
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
