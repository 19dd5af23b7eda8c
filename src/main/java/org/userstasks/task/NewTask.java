package org.userstasks.task;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code POST /users/{id}/tasks}. The owner comes from the path only.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record NewTask(
		@NotNull(message = "is required") @Size(min = 1, max = 255, message = TitleRules.SIZE_MESSAGE) @Pattern(
				regexp = TitleRules.PATTERN, message = TitleRules.PATTERN_MESSAGE) String title,
		@Schema(defaultValue = "false") Boolean completed) {

	NewTask {
		title = (title != null) ? title.strip() : null;
	}

	boolean completedOrDefault() {
		return Boolean.TRUE.equals(this.completed);
	}

}
