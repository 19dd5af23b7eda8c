package org.userstasks.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}, Boot writes each log line through
 * this encoder: the access-log line then carries the request id and its fields as JSON.
 */
class StructuredAccessLogTests {

	@Test
	void ecsAccessLogLineCarriesTheRequestIdAndTheRequest() throws Exception {
		StructuredLogEncoder encoder = ecsEncoder();
		List<String> lines = new ArrayList<>();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
			}

		};
		appender.setContext(new LoggerContext());
		appender.start();
		Logger access = (Logger) LoggerFactory.getLogger(RequestIdFilter.ACCESS_LOGGER);
		access.addAppender(appender);
		try {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/users/7");
			request.addHeader("X-Request-Id", "ecs-line-1");
			new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
					(req, res) -> ((HttpServletResponse) res).setStatus(404));
		}
		finally {
			access.detachAppender(appender);
		}

		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line).contains("\"requestId\":\"ecs-line-1\"", "\"method\":\"GET\"",
					"\"path\":\"/users/7\"", "\"status\":404", "\"durationMs\":", "\"message\":\"GET /users/7 404 "));
	}

	private static StructuredLogEncoder ecsEncoder() {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(),
				new MockEnvironment().withProperty("spring.application.name", "users-tasks"));
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();
		return encoder;
	}

}
