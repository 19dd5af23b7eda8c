package org.userstasks.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A small JSON client for a service on a real loopback port, for tests that need real
 * connections (races, a separate process) rather than MockMvc.
 */
public final class Http {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Http(int port) {
		this.base = "http://127.0.0.1:" + port;
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

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Content-Type", "application/json");
	}

	public URI uri(String path) {
		return URI.create(this.base + path);
	}

}
