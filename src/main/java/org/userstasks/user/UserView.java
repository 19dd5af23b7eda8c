package org.userstasks.user;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The user representation. {@code tasks} is present only when asked for with
 * {@code include=tasks}; its items are the task module's representations (see
 * {@link TasksOfUsers}), rendered by their own type.
 */
@Schema(name = "User")
record UserView(long id, String username, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @ArraySchema(
				schema = @Schema(ref = "#/components/schemas/Task")) List<?> tasks) {

	static UserView of(UserRow row) {
		return new UserView(row.id(), row.username(), row.createdAt(), row.updatedAt(), null);
	}

	UserView withTasks(List<?> tasks) {
		return new UserView(this.id, this.username, this.createdAt, this.updatedAt, tasks);
	}

}
