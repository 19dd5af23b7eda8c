package org.userstasks.task;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code PATCH /tasks/{id}}: an absent property is left unchanged; {@code userId}
 * moves the task to another user.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt" })
record TaskPatch(
		@Size(min = 1, max = 255, message = TitleRules.SIZE_MESSAGE) @Pattern(regexp = TitleRules.PATTERN,
				message = TitleRules.PATTERN_MESSAGE) String title,
		Boolean completed, @Positive(message = "must be a positive integer") Long userId) {

	TaskPatch {
		title = (title != null) ? title.strip() : null;
	}

}
