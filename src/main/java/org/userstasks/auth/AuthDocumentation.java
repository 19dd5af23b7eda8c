package org.userstasks.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What sign-in adds to the OpenAPI document: the bearer scheme, the security of each
 * operation (public ones with none, so Swagger UI's "Authorize" sends the token to the
 * rest), and the 401, 403, 429 and 503 of each operation.
 */
@Configuration(proxyBeanMethods = false)
class AuthDocumentation {

	static final String SCHEME = "bearer";

	// Operations anyone may call, signed in or not.
	private static final Set<String> PUBLIC = Set.of("POST /users", "POST /tokens");

	// Operations only the owner of what they change may call.
	private static final Set<String> OWNER_ONLY = Set.of("PATCH /users/{id}", "DELETE /users/{id}",
			"POST /users/{id}/tasks", "PATCH /tasks/{id}", "DELETE /tasks/{id}");

	// Operations that check a password (Argon2, bounded), and so may be throttled.
	private static final Map<String, String> PASSWORD_CHECKS = Map.of("POST /tokens",
			"Too many failed sign-ins for this username in a row; try again after Retry-After seconds",
			"PATCH /users/{id}",
			"Changing the password: too many failed sign-ins of this user in a row; try again after Retry-After seconds");

	@Bean
	OpenApiCustomizer signInDocumentation() {
		return (api) -> {
			api.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("opaque")
							.description("A token from POST /tokens: Authorization: Bearer ut_…"));
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				document(method + " " + path, operation);
			}));
		};
	}

	private static void document(String name, Operation operation) {
		ApiResponses responses = operation.getResponses();
		if (PUBLIC.contains(name)) {
			operation.setSecurity(List.of());
			if (!name.equals("POST /tokens")) {
				responses.addApiResponse("401",
						problem("A token was sent and it is malformed, unknown, expired or revoked", "WWW-Authenticate",
								"Bearer error=\"invalid_token\""));
			}
		}
		else {
			operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
			responses.addApiResponse("401",
					problem("No token (WWW-Authenticate: Bearer), or a malformed, "
							+ "unknown, expired or revoked one (Bearer error=\"invalid_token\")", "WWW-Authenticate",
							null));
		}
		if (name.equals("POST /tokens")) {
			responses.get("200")
				.addHeaderObject("Cache-Control", new Header().description("no-store").schema(new StringSchema()));
			responses.addApiResponse("401",
					problem("Wrong username or password (the same answer for both)", "WWW-Authenticate", "Bearer"));
		}
		if (OWNER_ONLY.contains(name)) {
			responses.addApiResponse("403",
					problem(name.equals("PATCH /users/{id}")
							? "Not the caller's own user, or currentPassword is not the password in force"
							: "Signed in as another user than the owner", null, null));
		}
		if (PASSWORD_CHECKS.containsKey(name)) {
			responses.addApiResponse("429", problem(PASSWORD_CHECKS.get(name), "Retry-After", null));
		}
		if (PASSWORD_CHECKS.containsKey(name) || name.equals("POST /users")) {
			responses.addApiResponse("503",
					problem("Too many password checks at once, or the database is busy; try again after Retry-After "
							+ "seconds", "Retry-After", null));
		}
	}

	private static ApiResponse problem(String description, String header, String example) {
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
		if (header != null) {
			Schema<?> schema = header.equals("Retry-After") ? new IntegerSchema().description("seconds")
					: new StringSchema();
			if (example != null) {
				// An absent example, not "example": null, which no string matches.
				schema.setExample(example);
			}
			response.addHeaderObject(header, new Header().schema(schema));
		}
		return response;
	}

}
