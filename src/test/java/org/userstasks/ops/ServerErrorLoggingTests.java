package org.userstasks.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails with a 5xx: the log has the stack trace and the request id, the
 * client a problem with the id and nothing of the failure.
 */
@WebMvcTest(controllers = ServerErrorLoggingTests.FailingController.class)
@Import(ServerErrorLoggingTests.FailingController.class)
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorLoggingTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void logsTheStackTraceWithTheRequestIdAndAnswersAProblem(CapturedOutput output) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/failing").header("X-Request-Id", "failing-42").exchange();

		assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("X-Request-Id", "failing-42")
			.bodyJson()
			.extractingPath("$.requestId")
			.isEqualTo("failing-42");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("secret-state", "IllegalStateException",
				"FailingController");
		assertThat(output.getOut()).containsPattern("ERROR .*\\[failing-42\\].*")
			.contains("java.lang.IllegalStateException: secret-state")
			.contains("at org.userstasks.ops.ServerErrorLoggingTests$FailingController.fail");
	}

	@Test
	void logsAResponseThatCouldNotBeWrittenAsAServerError(CapturedOutput output) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/unwritable").header("X-Request-Id", "unwritable-7").exchange();

		assertThat(result.getResponse().getContentAsString()).doesNotContain("secret-value", "Could not write");
		assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.requestId")
			.isEqualTo("unwritable-7");
		assertThat(output.getOut()).containsPattern("ERROR .*\\[unwritable-7\\].*")
			.contains("HttpMessageNotWritableException")
			.contains("secret-value");
	}

	@RestController
	static class FailingController {

		@GetMapping("/failing")
		String fail() {
			throw new IllegalStateException("secret-state");
		}

		@GetMapping("/unwritable")
		Unwritable unwritable() {
			return new Unwritable();
		}

	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("secret-value");
		}

	}

}
