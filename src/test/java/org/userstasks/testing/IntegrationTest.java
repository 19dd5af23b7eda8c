package org.userstasks.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real database ({@link TestDatabase}), with MockMvc and a real
 * HTTP port, metrics exported as in production (Prometheus) and one CORS origin
 * ({@link #ALLOWED_ORIGIN}), SQL statements counted at the JDBC level
 * ({@link SqlStatements}) and a clock that tests can move forward ({@link TestClock}).
 * Every integration test uses exactly this configuration, so one Spring context is shared
 * by all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The races of sign-ups test uniqueness, not overload: on a machine busy with the
		// suite itself, a hash waits for its turn rather than being refused with a 503.
		// Overload is tested on the packaged jar, at the shipped settings
		// (SignInBurstIT).
		properties = { "app.cors.allowed-origins=" + IntegrationTest.ALLOWED_ORIGIN,
				"app.security.password-check-wait=60s" })
@AutoConfigureMockMvc
@AutoConfigureMetrics
@ContextConfiguration(initializers = TestDatabase.class)
@Import({ Seeds.class, Api.class, SqlStatements.class, TestClock.class })
public @interface IntegrationTest {

	/**
	 * The one origin CORS allows in integration tests.
	 */
	String ALLOWED_ORIGIN = "http://localhost:5173";

}
