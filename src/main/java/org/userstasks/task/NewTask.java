package org.userstasks.task;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.userstasks.web.ReadOnlyProperties;
import org.userstasks.web.Required;

/**
 * Body of {@code POST /users/{id}/tasks}. The owner comes from the path only.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record NewTask(@Required @Title String title, @Schema(defaultValue = "false") @Nullable Boolean completed) {

	NewTask {
		title = (title != null) ? title.strip() : null;
	}

	boolean completedOrDefault() {
		return Boolean.TRUE.equals(this.completed);
	}

}
