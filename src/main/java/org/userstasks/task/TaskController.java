package org.userstasks.task;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

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

import org.userstasks.web.KeysetPage;

@RestController
class TaskController {

	private final TaskService tasks;

	TaskController(TaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/tasks")
	ResponseEntity<List<TaskView>> list(
			@RequestParam(required = false) @Positive(message = "must be a positive integer") Long userId,
			@RequestParam(required = false) Boolean completed,
			@RequestParam(required = false) @Min(value = 1, message = KeysetPage.LIMIT_MESSAGE) @Max(value = 1000,
					message = KeysetPage.LIMIT_MESSAGE) Integer limit,
			@RequestParam(required = false) @PositiveOrZero(message = KeysetPage.AFTER_MESSAGE) Long after) {
		KeysetPage page = KeysetPage.of(limit, after);
		return page.respond(this.tasks.list(userId, completed, page.after(), page.fetchSize()), TaskView::id);
	}

	@GetMapping("/users/{id}/tasks")
	ResponseEntity<List<TaskView>> listOfUser(@PathVariable @Positive long id,
			@RequestParam(required = false) Boolean completed,
			@RequestParam(required = false) @Min(value = 1, message = KeysetPage.LIMIT_MESSAGE) @Max(value = 1000,
					message = KeysetPage.LIMIT_MESSAGE) Integer limit,
			@RequestParam(required = false) @PositiveOrZero(message = KeysetPage.AFTER_MESSAGE) Long after) {
		KeysetPage page = KeysetPage.of(limit, after);
		return page.respond(this.tasks.listOfUser(id, completed, page.after(), page.fetchSize()), TaskView::id);
	}

	@PostMapping("/users/{id}/tasks")
	ResponseEntity<TaskView> create(@PathVariable @Positive long id, @Valid @RequestBody NewTask body) {
		TaskView task = this.tasks.create(id, body);
		return ResponseEntity.created(URI.create("/tasks/" + task.id())).body(task);
	}

	@GetMapping("/tasks/{id}")
	TaskView get(@PathVariable @Positive long id) {
		return this.tasks.get(id);
	}

	@PatchMapping("/tasks/{id}")
	TaskView update(@PathVariable @Positive long id, @Valid @RequestBody TaskPatch body) {
		return this.tasks.update(id, body);
	}

	@DeleteMapping("/tasks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable @Positive long id) {
		this.tasks.delete(id);
	}

}
