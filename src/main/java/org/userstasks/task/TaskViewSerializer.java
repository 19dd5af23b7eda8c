package org.userstasks.task;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Writes a {@link TaskView} property by property, in the order of its components, with
 * names encoded once: a page of users with their tasks writes thousands of tasks, and the
 * generic record serializer was the largest cost of that page after reading the rows. The
 * bytes are those the generic serializer wrote; timestamps go through the mapper's own
 * serializer.
 */
@JacksonComponent
class TaskViewSerializer extends ValueSerializer<TaskView> {

	private static final SerializableString ID = new SerializedString("id");

	private static final SerializableString TITLE = new SerializedString("title");

	private static final SerializableString COMPLETED = new SerializedString("completed");

	private static final SerializableString USER_ID = new SerializedString("userId");

	private static final SerializableString CREATED_AT = new SerializedString("createdAt");

	private static final SerializableString UPDATED_AT = new SerializedString("updatedAt");

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
		context.writeValue(generator, task.createdAt());
		generator.writeName(UPDATED_AT);
		context.writeValue(generator, task.updatedAt());
		generator.writeEndObject();
	}

}
