package org.userstasks.task;

import org.jspecify.annotations.Nullable;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code PATCH /tasks/{id}}: an absent property is left unchanged; {@code userId}
 * moves the task to another user.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt" })
record TaskPatch(@Title @Nullable String title, @Nullable Boolean completed, @UserId @Nullable Long userId) {

	TaskPatch {
		title = (title != null) ? title.strip() : null;
	}

}
