package org.userstasks.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection written and read byte by byte, for requests no ordinary client
 * sends: bodies cut short, lengths that lie, endless chunked bodies.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	RawConnection(int port, Duration readTimeout) throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
		this.socket.setSoTimeout((int) readTimeout.toMillis());
		this.out = this.socket.getOutputStream();
		this.in = this.socket.getInputStream();
	}

	void write(String text) throws IOException {
		write(text.getBytes(StandardCharsets.UTF_8));
	}

	void write(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	/**
	 * Everything the server sends until it closes the connection or stops sending for the
	 * read timeout; empty when it sent nothing.
	 */
	String readResponse() throws IOException {
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
	boolean closedWithoutResponse() throws IOException {
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

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
