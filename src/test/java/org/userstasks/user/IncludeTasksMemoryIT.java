package org.userstasks.user;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

import org.userstasks.testing.ServiceProcess;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code include=tasks} streams its tasks: a page whose users hold 200,000 tasks is
 * served by the packaged service running with a 64 MB heap, while those tasks as objects
 * (a 255-character title each, two timestamps, the ids) would take about 90 MB, and the
 * page's response is about 75 MB of JSON.
 */
class IncludeTasksMemoryIT {

	private static final int USERS = 100;

	private static final int TASKS_EACH = 2000;

	private static final String HEAP = "-Xmx64m";

	// The shape of a token: ut_ and 43 base64url characters.
	private static final String TOKEN = "ut_" + "m".repeat(43);

	@TempDir
	Path directory;

	@Test
	void servesAPageOfTwoHundredThousandTasksWithAHeapSmallerThanThoseTasks() throws Exception {
		Database database = TestDatabase.isPostgres() ? postgres() : h2(this.directory);
		boolean signedIn = seed(database);
		try (ServiceProcess service = ServiceProcess.start(this.directory, List.of(HEAP), database.arguments())) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/users?include=tasks&limit=" + USERS))
				.timeout(Duration.ofMinutes(5));
			if (signedIn) {
				request.header("Authorization", "Bearer " + TOKEN);
			}
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());

			assertThat(response.statusCode()).as(service::tail).isEqualTo(200);
			assertThat(countTasks(response.body())).as(service::tail).isEqualTo(USERS * TASKS_EACH);
			assertThat(service.output()).doesNotContain("OutOfMemoryError");
		}
	}

	/**
	 * The tasks in a users array: the objects two levels down.
	 */
	private static long countTasks(InputStream body) throws Exception {
		long tasks = 0;
		int depth = 0;
		try (InputStream in = body;
				JsonParser parser = new JsonFactory().createParser(tools.jackson.core.ObjectReadContext.empty(), in)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
					depth++;
					if (token == JsonToken.START_OBJECT && depth == 4) {
						tasks++;
					}
				}
				else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
					depth--;
				}
			}
		}
		return tasks;
	}

	/**
	 * The users and their tasks, straight into the tables; and, when the service requires
	 * sign-in (it keeps a tokens table), a token of the first user, stored as the service
	 * stores tokens. Returns whether it did.
	 */
	private static boolean seed(Database database) throws Exception {
		Flyway.configure()
			.dataSource(database.url(), database.user(), database.password())
			.locations("classpath:db/migration/common",
					"classpath:db/migration/" + (database.postgres() ? "postgresql" : "h2"))
			.load()
			.migrate();
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement()) {
			String now = database.postgres() ? "date_trunc('milliseconds', now())" : "CURRENT_TIMESTAMP(3)";
			String range = database.postgres() ? "generate_series(1, %d) AS r(x)" : "SYSTEM_RANGE(1, %d) r";
			statement
				.execute("INSERT INTO users (username, password_hash, created_at, updated_at) SELECT 'big' || x, 'x', "
						+ now + ", " + now + " FROM " + range.formatted(USERS));
			statement.execute("INSERT INTO tasks (title, completed, user_id, created_at, updated_at) SELECT "
					+ "REPEAT('t', 245) || LPAD(CAST(r.x AS VARCHAR(10)), 10, '0'), FALSE, u.id, " + now + ", " + now
					+ " FROM users u CROSS JOIN " + range.formatted(TASKS_EACH));
			try (ResultSet tokens = connection.getMetaData()
				.getTables(null, null, database.postgres() ? "tokens" : "TOKENS", null)) {
				if (!tokens.next()) {
					return false;
				}
			}
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
			statement.execute("INSERT INTO tokens (token_hash, user_id, created_at, expires_at) SELECT '" + hash
					+ "', MIN(id), " + now + ", " + now + " + INTERVAL '1' DAY FROM users");
			return true;
		}
	}

	private static Database h2(Path directory) {
		// The file of the service's own URL (./data/users-tasks), with its settings.
		return new Database("jdbc:h2:file:" + directory.resolve("data/users-tasks").toAbsolutePath()
				+ ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "", false);
	}

	/**
	 * A database of its own on the tests' PostgreSQL, so the other tests never see these
	 * rows.
	 */
	private static Database postgres() throws SQLException {
		Map<String, Object> server = TestDatabase.postgres();
		String url = (String) server.get("spring.datasource.url");
		String user = (String) server.get("spring.datasource.username");
		String password = (String) server.get("spring.datasource.password");
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS include_tasks_memory");
			statement.execute("CREATE DATABASE include_tasks_memory");
		}
		return new Database(url.replaceFirst("/[^/?]*(\\?|$)", "/include_tasks_memory$1"), user, password, true);
	}

	private record Database(String url, String user, String password, boolean postgres) {

		/**
		 * H2: none, the service's own settings open the file seeded in its directory.
		 */
		String[] arguments() {
			if (!this.postgres) {
				return new String[0];
			}
			List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.url,
					"--spring.datasource.username=" + this.user, "--spring.datasource.password=" + this.password));
			arguments.add("--spring.profiles.active=postgres");
			return arguments.toArray(String[]::new);
		}

	}

}
