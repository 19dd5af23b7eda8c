package org.userstasks.task;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.userstasks.auth.Caller;
import org.userstasks.web.AfterId;
import org.userstasks.web.ConditionalResponses;
import org.userstasks.web.EntityTags;
import org.userstasks.web.KeysetPage;
import org.userstasks.web.PageLimit;

@RestController
@Tag(name = "tasks")
class TaskController {

	private final TaskService tasks;

	TaskController(TaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/tasks")
	@Operation(operationId = "listTasks", summary = "List tasks")
	@ApiResponse(responseCode = "200", description = "A page of tasks, by id")
	@ApiResponse(responseCode = "400", description = "A query parameter is invalid")
	ResponseEntity<List<TaskView>> list(@RequestParam(required = false) @UserId @Nullable Long userId,
			@RequestParam(required = false) @Nullable Boolean completed,
			@RequestParam(required = false) @PageLimit @Nullable Integer limit,
			@RequestParam(required = false) @AfterId @Nullable Long after) {
		KeysetPage page = KeysetPage.of(limit, after);
		return page.respond(this.tasks.list(userId, completed, page.after(), page.fetchSize()), TaskView::id);
	}

	@GetMapping("/users/{id}/tasks")
	@Operation(operationId = "listUserTasks", summary = "List a user's tasks")
	@ApiResponse(responseCode = "200", description = "A page of the user's tasks, by id")
	@ApiResponse(responseCode = "400", description = "The id or a query parameter is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	ResponseEntity<List<TaskView>> listOfUser(@PathVariable @Positive long id,
			@RequestParam(required = false) @Nullable Boolean completed,
			@RequestParam(required = false) @PageLimit @Nullable Integer limit,
			@RequestParam(required = false) @AfterId @Nullable Long after) {
		KeysetPage page = KeysetPage.of(limit, after);
		return page.respond(this.tasks.listOfUser(id, completed, page.after(), page.fetchSize()), TaskView::id);
	}

	@PostMapping("/users/{id}/tasks")
	@Operation(operationId = "createTask", summary = "Create a task for a user")
	@ApiResponse(responseCode = "201", description = "The task created",
			headers = { @Header(name = "Location", description = "/tasks/{taskId}", schema = @Schema(type = "string")),
					@Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
							schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "The id or the body is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	ResponseEntity<TaskView> create(@AuthenticationPrincipal Caller caller, @PathVariable @Positive long id,
			@Valid @RequestBody NewTask body) {
		TaskRow task = this.tasks.create(caller, id, body);
		return ConditionalResponses.created(URI.create("/tasks/" + task.id()), task.version(), task.view());
	}

	@GetMapping("/tasks/{id}")
	@Operation(operationId = "getTask", summary = "Get a task")
	@ApiResponse(responseCode = "200", description = "The task",
			headers = @Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "304", description = "If-None-Match names the current ETag: the task is unchanged",
			headers = @Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
					schema = @Schema(type = "string")),
			content = @Content)
	@ApiResponse(responseCode = "400", description = "The id or If-None-Match is invalid")
	@ApiResponse(responseCode = "404", description = "No such task")
	ResponseEntity<TaskView> get(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Parameter(
					description = ConditionalResponses.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
		Optional<EntityTags> held = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		TaskRow task = this.tasks.get(id);
		return ConditionalResponses.read(held, task.version(), task.view());
	}

	@PatchMapping("/tasks/{id}")
	@Operation(operationId = "updateTask", summary = "Change a task's title or completion, or move it to another user")
	@ApiResponse(responseCode = "200", description = "The task changed",
			headers = @Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The id, If-Match or the body is invalid")
	@ApiResponse(responseCode = "404", description = "No such task, or no such target user")
	@ApiResponse(responseCode = "412", description = "The task is not at the ETag If-Match names; nothing is changed")
	ResponseEntity<TaskView> update(@AuthenticationPrincipal Caller caller, @PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(
					description = ConditionalResponses.IF_MATCH_DESCRIPTION) String ifMatch,
			@Valid @RequestBody TaskPatch body) {
		TaskRow task = this.tasks.update(caller, id, ConditionalResponses.ifMatch(ifMatch), body);
		return ConditionalResponses.ok(task.version(), task.view());
	}

	@DeleteMapping("/tasks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteTask", summary = "Delete a task")
	@ApiResponse(responseCode = "204", description = "The task is deleted")
	@ApiResponse(responseCode = "400", description = "The id or If-Match is invalid")
	@ApiResponse(responseCode = "404", description = "No such task")
	@ApiResponse(responseCode = "412", description = "The task is not at the ETag If-Match names; nothing is changed")
	void delete(@AuthenticationPrincipal Caller caller, @PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(
					description = ConditionalResponses.IF_MATCH_DESCRIPTION) String ifMatch) {
		this.tasks.delete(caller, id, ConditionalResponses.ifMatch(ifMatch));
	}

}
