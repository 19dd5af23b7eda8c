package org.userstasks.task;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.userstasks.testing.Json;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task serializer writes exactly what Jackson's generic record serializer writes.
 */
class TaskViewSerializerTests {

	// A mapper of its own: the one that writes tasks with the serializer under test.
	private static final JsonMapper direct = JsonMapper.builder()
		.addModule(new SimpleModule("tasks").addSerializer(TaskView.class, new TaskViewSerializer()))
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "Buy milk", "a \"quoted\" \\ title", "tab\there, line\u2028separator", "ünïcödé 🚀", "" })
	void writesTheSameBytesAsTheGenericSerializer(String title) {
		TaskView task = new TaskView(Long.MAX_VALUE, title, true, 42L, Instant.parse("2026-12-01T23:40:05.123Z"),
				Instant.parse("2026-12-02T00:00:00Z"));

		assertThat(direct.writeValueAsString(task)).isEqualTo(Json.write(task));
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void writesTheSameBytesInsideAList(boolean completed) {
		var tasks = List.of(new TaskView(1L, "one", completed, 7L, Instant.EPOCH, Instant.EPOCH),
				new TaskView(2L, "two", !completed, 7L, Instant.EPOCH, Instant.EPOCH));

		assertThat(direct.writeValueAsString(tasks)).isEqualTo(Json.write(tasks));
	}

	@Test
	void writesTimestampsWithTheMappersOwnSerializer() {
		JsonMapper epochMillis = JsonMapper.builder()
			.addModule(new SimpleModule("tasks").addSerializer(TaskView.class, new TaskViewSerializer())
				.addSerializer(Instant.class, new ValueSerializer<Instant>() {
					@Override
					public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
						generator.writeNumber(value.toEpochMilli());
					}
				}))
			.build();
		var tasks = List.of(new TaskView(1L, "one", false, 7L, Instant.ofEpochMilli(5), Instant.ofEpochMilli(6)),
				new TaskView(2L, "two", true, 7L, Instant.ofEpochMilli(7), Instant.ofEpochMilli(8)));

		assertThat(epochMillis.writeValueAsString(tasks))
			.isEqualTo("[{\"id\":1,\"title\":\"one\",\"completed\":false,\"userId\":7,\"createdAt\":5,\"updatedAt\":6},"
					+ "{\"id\":2,\"title\":\"two\",\"completed\":true,\"userId\":7,\"createdAt\":7,\"updatedAt\":8}]");
	}

}
