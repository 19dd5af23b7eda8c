package org.userstasks.task;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.userstasks.web.AfterId;
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
			headers = @Header(name = "Location", description = "/tasks/{taskId}", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The id or the body is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	ResponseEntity<TaskView> create(@PathVariable @Positive long id, @Valid @RequestBody NewTask body) {
		TaskView task = this.tasks.create(id, body);
		return ResponseEntity.created(URI.create("/tasks/" + task.id())).body(task);
	}

	@GetMapping("/tasks/{id}")
	@Operation(operationId = "getTask", summary = "Get a task")
	@ApiResponse(responseCode = "200", description = "The task")
	@ApiResponse(responseCode = "400", description = "The id is invalid")
	@ApiResponse(responseCode = "404", description = "No such task")
	TaskView get(@PathVariable @Positive long id) {
		return this.tasks.get(id);
	}

	@PatchMapping("/tasks/{id}")
	@Operation(operationId = "updateTask", summary = "Change a task's title or completion, or move it to another user")
	@ApiResponse(responseCode = "200", description = "The task changed")
	@ApiResponse(responseCode = "400", description = "The id or the body is invalid")
	@ApiResponse(responseCode = "404", description = "No such task, or no such target user")
	TaskView update(@PathVariable @Positive long id, @Valid @RequestBody TaskPatch body) {
		return this.tasks.update(id, body);
	}

	@DeleteMapping("/tasks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteTask", summary = "Delete a task")
	@ApiResponse(responseCode = "204", description = "The task is deleted")
	@ApiResponse(responseCode = "400", description = "The id is invalid")
	@ApiResponse(responseCode = "404", description = "No such task")
	void delete(@PathVariable @Positive long id) {
		this.tasks.delete(id);
	}

}
