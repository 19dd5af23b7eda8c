package org.userstasks.user;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.userstasks.task.TaskView;

/**
 * The user representation. {@code tasks} is present only when asked for with
 * {@code include=tasks}.
 */
@Schema(name = "User")
record UserView(long id, String username, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<TaskView> tasks) {

	static UserView of(UserRow row) {
		return new UserView(row.id(), row.username(), row.createdAt(), row.updatedAt(), null);
	}

	static UserView of(UserRow row, List<TaskView> tasks) {
		return new UserView(row.id(), row.username(), row.createdAt(), row.updatedAt(), tasks);
	}

}
