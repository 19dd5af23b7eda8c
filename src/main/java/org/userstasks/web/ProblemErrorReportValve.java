package org.userstasks.web;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Errors that Tomcat answers before any application code runs, such as a request URI it
 * cannot decode ({@code /users/%zz}), leave as problem+json like every other error
 * instead of Tomcat's HTML page. Errors that reach the application are rendered by
 * {@link ProblemErrorController} and are left alone here.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (clientStatus(status) != status) {
			status = clientStatus(status);
			response.setStatus(status);
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JsonMapper.shared().writeValueAsString(problem(status, request.getRequestURI())));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response already committed: nothing to add.
		}
	}

	/**
	 * Tomcat's answers to a transfer coding it does not know (gzip, identity) and to a
	 * request line of another HTTP version (HTTP/1.2) are about requests it could not
	 * parse, and the client's to change: a 400 as the contract has it, never a 5xx.
	 */
	static int clientStatus(int status) {
		return (status == HttpStatus.NOT_IMPLEMENTED.value() || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value())
				? HttpStatus.BAD_REQUEST.value() : status;
	}

	static Map<String, Object> problem(int status, @Nullable String path) {
		HttpStatus known = HttpStatus.resolve(status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", (known != null) ? known.getReasonPhrase() : "Error");
		problem.put("status", status);
		problem.put("detail", (status == 400) ? "the request could not be parsed"
				: (known != null) ? known.getReasonPhrase() : "error " + status);
		if (isUri(path)) {
			problem.put("instance", path);
		}
		return problem;
	}

	private static boolean isUri(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return false;
		}
		try {
			new URI(path);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
