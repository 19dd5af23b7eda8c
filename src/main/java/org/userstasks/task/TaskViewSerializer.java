package org.userstasks.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Writes a {@link TaskView} property by property, in the order of its components, with
 * names encoded once: a page of users with their tasks writes thousands of tasks, and the
 * generic record serializer was the largest cost of that page after reading the rows. The
 * bytes are those the generic serializer wrote; timestamps go through the mapper's own
 * serializer, looked up once per mapper (in {@link #createContextual}) rather than once
 * per timestamp: that lookup was the largest cost of writing a task.
 */
@JacksonComponent
class TaskViewSerializer extends ValueSerializer<TaskView> {

	private static final SerializableString ID = new SerializedString("id");

	private static final SerializableString TITLE = new SerializedString("title");

	private static final SerializableString COMPLETED = new SerializedString("completed");

	private static final SerializableString USER_ID = new SerializedString("userId");

	private static final SerializableString CREATED_AT = new SerializedString("createdAt");

	private static final SerializableString UPDATED_AT = new SerializedString("updatedAt");

	// Null in the instance that is registered; set in the ones that Jackson asks it for.
	private final @Nullable ValueSerializer<Object> timestamps;

	TaskViewSerializer() {
		this(null);
	}

	private TaskViewSerializer(@Nullable ValueSerializer<Object> timestamps) {
		this.timestamps = timestamps;
	}

	@Override
	public ValueSerializer<?> createContextual(SerializationContext context, @Nullable BeanProperty property) {
		// What context.writeValue(generator, instant) would look up for each timestamp.
		return new TaskViewSerializer(context.findTypedValueSerializer(Instant.class, true));
	}

	@Override
	public void serialize(TaskView task, JsonGenerator generator, SerializationContext context) {
		generator.writeStartObject(task);
		generator.writeName(ID);
		generator.writeNumber(task.id());
		generator.writeName(TITLE);
		generator.writeString(task.title());
		generator.writeName(COMPLETED);
		generator.writeBoolean(task.completed());
		generator.writeName(USER_ID);
		generator.writeNumber(task.userId());
		generator.writeName(CREATED_AT);
		writeTimestamp(task.createdAt(), generator, context);
		generator.writeName(UPDATED_AT);
		writeTimestamp(task.updatedAt(), generator, context);
		generator.writeEndObject();
	}

	private void writeTimestamp(Instant timestamp, JsonGenerator generator, SerializationContext context) {
		if (this.timestamps != null) {
			this.timestamps.serialize(timestamp, generator, context);
		}
		else {
			context.writeValue(generator, timestamp);
		}
	}

}
