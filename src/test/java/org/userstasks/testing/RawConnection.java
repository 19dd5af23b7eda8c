package org.userstasks.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection written and read byte by byte, for requests no ordinary client
 * sends: bodies cut short, lengths that lie, endless chunked bodies, headers that
 * java.net.http refuses to send.
 */
public final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	public RawConnection(int port, Duration readTimeout) throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
		this.socket.setSoTimeout((int) readTimeout.toMillis());
		this.out = this.socket.getOutputStream();
		this.in = this.socket.getInputStream();
	}

	public void write(String text) throws IOException {
		write(text.getBytes(StandardCharsets.UTF_8));
	}

	public void write(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	/**
	 * Tells the server that nothing more comes (a half close), as a client that stops
	 * short of the length it announced.
	 */
	public void endOutput() throws IOException {
		this.socket.shutdownOutput();
	}

	/**
	 * Everything the server sends until it closes the connection or stops sending for the
	 * read timeout; empty when it sent nothing.
	 */
	public String readResponse() throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = this.in.read(buffer)) != -1) {
				response.write(buffer, 0, n);
				// A response ended by closing the connection ends when no more comes.
				this.socket.setSoTimeout(1000);
				if (complete(response.toString(StandardCharsets.UTF_8))) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			// Nothing more came in time: what came so far is the answer.
		}
		return response.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Whether the server closed the connection (read end of stream) within the read
	 * timeout, without sending anything.
	 */
	public boolean closedWithoutResponse() throws IOException {
		try {
			return this.in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// Reset by the server: closed too.
			return true;
		}
	}

	private static boolean complete(String response) {
		int headersEnd = response.indexOf("\r\n\r\n");
		if (headersEnd < 0) {
			return false;
		}
		String headers = response.substring(0, headersEnd).toLowerCase();
		int lengthAt = headers.indexOf("content-length:");
		if (lengthAt >= 0) {
			int lineEnd = headers.indexOf("\r\n", lengthAt);
			String value = headers.substring(lengthAt + "content-length:".length(),
					(lineEnd < 0) ? headers.length() : lineEnd);
			return response.getBytes(StandardCharsets.UTF_8).length >= headersEnd + 4 + Integer.parseInt(value.trim());
		}
		return headers.contains("transfer-encoding: chunked") && response.endsWith("0\r\n\r\n");
	}

	/**
	 * Sends one request (its head with {@code Connection: close} among the headers, then
	 * the body) on a new connection and reads the response.
	 */
	public static Response exchange(int port, String head, byte[] body) throws IOException {
		return exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), body, false);
	}

	/**
	 * Sends one request as raw bytes, then ends the output when asked to, and reads the
	 * response.
	 */
	public static Response exchange(int port, byte[] head, byte[] body, boolean endOutput) throws IOException {
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(10))) {
			try {
				connection.write(head);
				if (body != null) {
					connection.write(body);
				}
				if (endOutput) {
					connection.endOutput();
				}
			}
			catch (IOException ex) {
				// The server answered before reading the whole request and closed.
			}
			return Response.parse(connection.readResponse());
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * A response as received: its status (0 when nothing came), its headers (names in
	 * lower case; the last value of a repeated one) and its body, de-chunked.
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		static Response parse(String text) {
			int headEnd = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/") || headEnd < 0) {
				return new Response(0, Map.of(), text);
			}
			String[] lines = text.substring(0, headEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			if (status < 200 && text.length() > headEnd + 4) {
				// An interim response (100 Continue): the final one follows.
				return parse(text.substring(headEnd + 4));
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(headEnd + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Response(status, headers, body);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				// Sizes count bytes; the text was decoded as UTF-8.
				byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
				String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
				body.append(chunk);
				at = lineEnd + 2 + chunk.length() + 2;
			}
			return body.toString();
		}

		public String contentType() {
			return this.headers.get("content-type");
		}

	}

}
