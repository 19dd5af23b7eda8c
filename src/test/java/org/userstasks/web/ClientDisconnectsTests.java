package org.userstasks.web;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that leaves before its response is written gets no problem and leaves no error
 * in the log; any other failure to write one still does.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientDisconnectsTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void aResponseWhoseClientWentAwayIsNeitherAnErrorNorAProblem(CapturedOutput output) {
		// given a response body that could not be written: the connection was closed
		var ex = new HttpMessageNotWritableException("Could not write JSON",
				new IOException("ServletOutputStream failed to write", new IOException("Broken pipe")));

		// when
		ResponseEntity<Object> response = internalServerError(ex);

		// then
		assertThat(response).isNull();
		assertThat(output).doesNotContain("ERROR", "Request failed", "Broken pipe");
	}

	@Test
	void aWriteThatFailedForAnotherReasonIsStillAServerError(CapturedOutput output) {
		var ex = new HttpMessageNotWritableException("Could not write JSON", new IOException("No space left"));

		ResponseEntity<Object> response = internalServerError(ex);

		assertThat(response).isNotNull();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(output).contains("ERROR", "Request failed", "No space left");
	}

	@Test
	void anAbortedClientThatReachesTheCatchAllIsNotLoggedAsUnexpected(CapturedOutput output) {
		ResponseEntity<Object> response = new ServerErrors()
			.unexpected(new IllegalStateException(new ClientAbortException("Connection reset by peer")));

		assertThat(response).isNull();
		assertThat(output).doesNotContain("Unexpected error");
	}

	private ResponseEntity<Object> internalServerError(Exception ex) {
		return this.handler.handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR,
				new ServletWebRequest(new MockHttpServletRequest()));
	}

}
