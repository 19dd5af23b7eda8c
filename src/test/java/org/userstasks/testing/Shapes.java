package org.userstasks.testing;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's representations, property by property and in order.
 */
public final class Shapes {

	/**
	 * ISO-8601 in UTC with milliseconds and a Z, as the contract writes timestamps.
	 */
	public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	private Shapes() {
	}

	public static void assertUser(JsonNode user) {
		assertThat(Json.names(user)).containsExactly("id", "username", "createdAt", "updatedAt");
		assertUserValues(user);
	}

	/**
	 * A user with {@code include=tasks}: the same properties, then {@code tasks}.
	 */
	public static void assertUserWithTasks(JsonNode user) {
		assertThat(Json.names(user)).containsExactly("id", "username", "createdAt", "updatedAt", "tasks");
		assertUserValues(user);
		assertThat(user.get("tasks").isArray()).isTrue();
		user.get("tasks").forEach((task) -> {
			assertTask(task);
			assertThat(task.get("userId").asLong()).isEqualTo(user.get("id").asLong());
		});
	}

	public static void assertTask(JsonNode task) {
		assertThat(Json.names(task)).containsExactly("id", "title", "completed", "userId", "createdAt", "updatedAt");
		assertThat(task.get("id").isIntegralNumber()).isTrue();
		assertThat(task.get("id").asLong()).isPositive();
		assertThat(task.get("title").isString()).isTrue();
		assertThat(task.get("completed").isBoolean()).isTrue();
		assertThat(task.get("userId").isIntegralNumber()).isTrue();
		assertTimestamps(task);
	}

	private static void assertUserValues(JsonNode user) {
		assertThat(user.get("id").isIntegralNumber()).isTrue();
		assertThat(user.get("id").asLong()).isPositive();
		assertThat(user.get("username").isString()).isTrue();
		assertTimestamps(user);
	}

	private static void assertTimestamps(JsonNode node) {
		String createdAt = node.get("createdAt").asString();
		String updatedAt = node.get("updatedAt").asString();
		assertThat(createdAt).matches(TIMESTAMP);
		assertThat(updatedAt).matches(TIMESTAMP);
		assertThat(Instant.parse(updatedAt)).isAfterOrEqualTo(Instant.parse(createdAt));
	}

}
