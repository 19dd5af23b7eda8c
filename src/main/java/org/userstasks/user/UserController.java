package org.userstasks.user;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.userstasks.web.AfterId;
import org.userstasks.web.KeysetPage;
import org.userstasks.web.PageLimit;

@RestController
@Tag(name = "users")
@RequestMapping("/users")
class UserController {

	private static final String INCLUDE_VALUES = "tasks";

	private static final String INCLUDE_MESSAGE = "must be one of: tasks";

	private final UserService users;

	private final PasswordHasher hasher;

	UserController(UserService users, PasswordHasher hasher) {
		this.users = users;
		this.hasher = hasher;
	}

	@GetMapping
	@Operation(operationId = "listUsers", summary = "List users")
	@ApiResponse(responseCode = "200", description = "A page of users, by id")
	@ApiResponse(responseCode = "400", description = "A query parameter is invalid")
	ResponseEntity<List<UserView>> list(
			@RequestParam(required = false) @Pattern(regexp = INCLUDE_VALUES,
					message = INCLUDE_MESSAGE) @Nullable String include,
			@RequestParam(required = false) @PageLimit @Nullable Integer limit,
			@RequestParam(required = false) @AfterId @Nullable Long after) {
		KeysetPage page = KeysetPage.of(limit, after);
		return page.respond(this.users.list(page.after(), page.fetchSize(), include != null), UserView::id);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getUser", summary = "Get a user")
	@ApiResponse(responseCode = "200", description = "The user")
	@ApiResponse(responseCode = "400", description = "The id or a query parameter is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	UserView get(@PathVariable @Positive long id, @RequestParam(required = false) @Pattern(regexp = INCLUDE_VALUES,
			message = INCLUDE_MESSAGE) @Nullable String include) {
		return this.users.get(id, include != null);
	}

	@PostMapping
	@Operation(operationId = "createUser", summary = "Create a user")
	@ApiResponse(responseCode = "201", description = "The user created",
			headers = @Header(name = "Location", description = "/users/{id}", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The body is invalid")
	@ApiResponse(responseCode = "409", description = "The username is taken (ignoring case)")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser body) {
		UserView user = this.users.create(body.username(), this.hasher.hash(body.password()));
		return ResponseEntity.created(java.net.URI.create("/users/" + user.id())).body(user);
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateUser", summary = "Change a user's username and/or password")
	@ApiResponse(responseCode = "200", description = "The user changed")
	@ApiResponse(responseCode = "400", description = "The id or the body is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	@ApiResponse(responseCode = "409", description = "The username is taken (ignoring case)")
	UserView update(@PathVariable @Positive long id, @Valid @RequestBody UserPatch body) {
		String hash = (body.password() != null) ? this.hasher.hash(body.password()) : null;
		return this.users.update(id, body.username(), hash);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteUser", summary = "Delete a user and all of their tasks")
	@ApiResponse(responseCode = "204", description = "The user and their tasks are deleted")
	@ApiResponse(responseCode = "400", description = "The id is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	void delete(@PathVariable @Positive long id) {
		this.users.delete(id);
	}

}
