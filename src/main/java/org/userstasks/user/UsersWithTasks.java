package org.userstasks.user;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A page of users with their tasks embedded, written to the response while the tasks are
 * read: each user as {@link UserView} would be, with the next rows of the cursor as its
 * {@code tasks}. Only the page's users are in memory, however many tasks they hold. The
 * users were read first, so the response's headers ({@code Link}) are known before the
 * body starts.
 */
final class UsersWithTasks extends JacksonSerializable.Base {

	private final List<UserView> users;

	private final TasksOfUsers tasks;

	UsersWithTasks(List<UserView> users, TasksOfUsers tasks) {
		this.users = users;
		this.tasks = tasks;
	}

	@Override
	public void serialize(JsonGenerator generator, SerializationContext context) {
		generator.writeStartArray();
		if (!this.users.isEmpty()) {
			this.tasks.readByUserIdBetween(this.users.get(0).id(), this.users.get(this.users.size() - 1).id(),
					(cursor) -> {
						for (UserView user : this.users) {
							write(user, cursor.tasksOf(user.id()), generator, context);
						}
					});
		}
		generator.writeEndArray();
	}

	/**
	 * A user as {@link UserView} is written, property by property in its order, with the
	 * tasks as they are read (IncludeTasksPageIT compares both).
	 */
	private static void write(UserView user, Iterable<?> tasks, JsonGenerator generator, SerializationContext context) {
		generator.writeStartObject();
		generator.writeNumberProperty("id", user.id());
		generator.writeStringProperty("username", user.username());
		generator.writeName("createdAt");
		context.writeValue(generator, user.createdAt());
		generator.writeName("updatedAt");
		context.writeValue(generator, user.updatedAt());
		generator.writeName("tasks");
		generator.writeStartArray();
		for (Object task : tasks) {
			context.writeValue(generator, task);
		}
		generator.writeEndArray();
		generator.writeEndObject();
	}

	@Override
	public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
		serialize(generator, context);
	}

}
