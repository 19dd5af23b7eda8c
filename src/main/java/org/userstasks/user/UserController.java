package org.userstasks.user;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.userstasks.auth.Caller;
import org.userstasks.auth.Passwords;
import org.userstasks.jpa.VersionCondition;
import org.userstasks.web.AfterId;
import org.userstasks.web.ConditionalResponses;
import org.userstasks.web.EntityTags;
import org.userstasks.web.KeysetPage;
import org.userstasks.web.PageLimit;

@RestController
@Tag(name = "users")
@RequestMapping("/users")
class UserController {

	private static final String INCLUDE_VALUES = "tasks";

	private static final String INCLUDE_MESSAGE = "must be one of: tasks";

	private final UserService users;

	private final Passwords passwords;

	private final TasksOfUsers tasks;

	UserController(UserService users, Passwords passwords, TasksOfUsers tasks) {
		this.users = users;
		this.passwords = passwords;
		this.tasks = tasks;
	}

	@GetMapping
	@Operation(operationId = "listUsers", summary = "List users")
	@ApiResponse(responseCode = "200", description = "A page of users, by id",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = UserView.class))))
	@ApiResponse(responseCode = "400", description = "A query parameter is invalid")
	ResponseEntity<?> list(
			@RequestParam(required = false) @Pattern(regexp = INCLUDE_VALUES,
					message = INCLUDE_MESSAGE) @Nullable String include,
			@RequestParam(required = false) @PageLimit @Nullable Integer limit,
			@RequestParam(required = false) @AfterId @Nullable Long after) {
		KeysetPage page = KeysetPage.of(limit, after);
		ResponseEntity<List<UserView>> users = page.respond(this.users.list(page.after(), page.fetchSize()),
				UserView::id);
		if (include == null) {
			return users;
		}
		// Written as the tasks are read: the users are known, and with them the Link.
		return ResponseEntity.ok()
			.headers(users.getHeaders())
			.body(new UsersWithTasks(Objects.requireNonNull(users.getBody()), this.tasks));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getUser", summary = "Get a user")
	@ApiResponse(responseCode = "200", description = "The user; with include=tasks, its tasks too (and no ETag)",
			headers = @Header(name = "ETag",
					description = ConditionalResponses.ETAG_DESCRIPTION + " Absent with include=tasks.",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "304",
			description = "If-None-Match names the current ETag (without include): the user is unchanged",
			headers = @Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
					schema = @Schema(type = "string")),
			content = @Content)
	@ApiResponse(responseCode = "400", description = "The id, a query parameter or If-None-Match is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	ResponseEntity<UserView> get(@PathVariable @Positive long id,
			@RequestParam(required = false) @Pattern(regexp = INCLUDE_VALUES,
					message = INCLUDE_MESSAGE) @Nullable String include,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Parameter(
					description = ConditionalResponses.IF_NONE_MATCH_DESCRIPTION
							+ "; ignored with include=tasks") @Nullable String ifNoneMatch) {
		Optional<EntityTags> held = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		if (include != null) {
			// The user with its tasks has no ETag: a task added would not change the
			// user's.
			return ResponseEntity.ok(this.users.getWithTasks(id));
		}
		UserRow user = this.users.get(id);
		return ConditionalResponses.read(held, user.version(), UserView.of(user));
	}

	@PostMapping
	@Operation(operationId = "createUser", summary = "Create a user")
	@ApiResponse(responseCode = "201", description = "The user created",
			headers = { @Header(name = "Location", description = "/users/{id}", schema = @Schema(type = "string")),
					@Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
							schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "The body is invalid")
	@ApiResponse(responseCode = "409", description = "The username is taken (ignoring case)")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser body) {
		UserRow user = this.users.create(body.username(), this.passwords.hash(body.password()));
		return ConditionalResponses.created(URI.create("/users/" + user.id()), user.version(), UserView.of(user));
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateUser", summary = "Change a user's username and/or password")
	@ApiResponse(responseCode = "200", description = "The user changed",
			headers = @Header(name = "ETag", description = ConditionalResponses.ETAG_DESCRIPTION,
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The id, If-Match or the body is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	@ApiResponse(responseCode = "409", description = "The username is taken (ignoring case)")
	@ApiResponse(responseCode = "412", description = "The user is not at the ETag If-Match names; nothing is changed")
	ResponseEntity<UserView> update(@AuthenticationPrincipal Caller caller, @PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(
					description = ConditionalResponses.IF_MATCH_DESCRIPTION) String ifMatch,
			@Valid @RequestBody UserPatch body) {
		VersionCondition expected = ConditionalResponses.ifMatch(ifMatch);
		this.users.requireSelf(caller, id);
		String hash = null;
		String checkedHash = null;
		if (body.password() != null) {
			// Checked and hashed before the row is locked: each takes about 100 ms.
			UserCredentials current = this.users.credentials(id);
			this.passwords.checkCurrent(current.username(), body.currentPassword(), current.passwordHash());
			checkedHash = current.passwordHash();
			hash = this.passwords.hash(body.password());
		}
		UserRow user = this.users.update(caller, id, expected, body.username(), hash, checkedHash);
		return ConditionalResponses.ok(user.version(), UserView.of(user));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteUser", summary = "Delete a user and all of their tasks")
	@ApiResponse(responseCode = "204", description = "The user and their tasks are deleted")
	@ApiResponse(responseCode = "400", description = "The id or If-Match is invalid")
	@ApiResponse(responseCode = "404", description = "No such user")
	@ApiResponse(responseCode = "412", description = "The user is not at the ETag If-Match names; nothing is changed")
	void delete(@AuthenticationPrincipal Caller caller, @PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(
					description = ConditionalResponses.IF_MATCH_DESCRIPTION) String ifMatch) {
		this.users.delete(caller, id, ConditionalResponses.ifMatch(ifMatch));
	}

}
