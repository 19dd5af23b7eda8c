package org.userstasks.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

/**
 * A small JSON client for a service on a real loopback port, for tests that need real
 * connections (races, a separate process) rather than MockMvc.
 */
public final class Http {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client;

	private final String base;

	private final String authorization;

	public Http(int port) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port, null);
	}

	private Http(HttpClient client, String base, String authorization) {
		this.client = client;
		this.base = base;
		this.authorization = authorization;
	}

	/**
	 * The same client, sending every request with {@code Authorization: Bearer <token>}.
	 */
	public Http as(String token) {
		return new Http(this.client, this.base, "Bearer " + token);
	}

	public HttpResponse<String> get(String path) throws IOException {
		return send(request(path).GET());
	}

	public HttpResponse<String> post(String path, String json) throws IOException {
		return send(request(path).POST(BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> patch(String path, String json) throws IOException {
		return send(request(path).method("PATCH", BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) throws IOException {
		return send(request(path).DELETE());
	}

	/**
	 * Sends the request; no response shows a token (but the body of a sign-in) or a
	 * password hash ({@link Secrets}).
	 */
	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
			response.headers()
				.map()
				.forEach(
						(name, values) -> Secrets.assertNoneIn("header " + name, String.join(", ", values), List.of()));
			boolean issuing = response.request().method().equals("POST")
					&& response.request().uri().getPath().equals("/tokens") && response.statusCode() == 200;
			Secrets.assertNoneIn("the body",
					issuing ? Secrets.TOKEN.matcher(response.body()).replaceFirst("ut_…") : response.body(), List.of());
			return response;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json");
		return (this.authorization != null) ? request.header("Authorization", this.authorization) : request;
	}

	public URI uri(String path) {
		return URI.create(this.base + path);
	}

}
