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
 * ({@link #ALLOWED_ORIGIN}), and SQL statements counted at the JDBC level
 * ({@link SqlStatements}). Every integration test uses exactly this configuration, so one
 * Spring context is shared by all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "app.cors.allowed-origins=" + IntegrationTest.ALLOWED_ORIGIN)
@AutoConfigureMockMvc
@AutoConfigureMetrics
@ContextConfiguration(initializers = TestDatabase.class)
@Import({ Seeds.class, Api.class, SqlStatements.class })
public @interface IntegrationTest {

	/**
	 * The one origin CORS allows in integration tests.
	 */
	String ALLOWED_ORIGIN = "http://localhost:5173";

}
