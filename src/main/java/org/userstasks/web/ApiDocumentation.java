package org.userstasks.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

import org.userstasks.ops.RequestIds;

/**
 * What the OpenAPI document says about every endpoint at once: errors as problems, the
 * paging parameters and their {@code Link} header, the shared query parameters. Each
 * controller method names only its own statuses.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	// Representations that always carry every property but these.
	private static final Map<String, Set<String>> RESPONSE_SCHEMAS = Map.of("User", Set.of("tasks"), "Task", Set.of());

	@Bean
	OpenAPI apiInfo() {
		return new OpenAPI()
			.info(new Info().title("Users & Tasks API")
				.version("1")
				.description("Users and their tasks. Lists are ordered by id and paged by keyset (limit, after); "
						+ "every error is application/problem+json. Ids are 64-bit integers: above 2^53 a "
						+ "JavaScript number (JSON.parse) loses precision.")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url("/")));
	}

	// Before ApiDocumentRules, which completes every response this adds.
	@Bean
	OpenApiCustomizer sharedDocumentation() {
		return new OrderedCustomizer(0, (api) -> {
			api.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas("FieldError", fieldErrorSchema());
			api.getComponents().getSchemas().forEach(ApiDocumentation::requireAlwaysPresent);
			api.getPaths().values().forEach((path) -> path.readOperations().forEach(ApiDocumentation::document));
		});
	}

	private static void document(Operation operation) {
		ApiResponses responses = operation.getResponses();
		if (operation.getRequestBody() != null) {
			responses.addApiResponse("413",
					new ApiResponse().description("The body is larger than " + BodySizeLimit.MAX_SIZE));
			responses.addApiResponse("415", new ApiResponse().description("The body is not JSON"));
		}
		if (responses.keySet().stream().anyMatch((status) -> status.startsWith("2") && !"204".equals(status))) {
			responses.addApiResponse("406",
					new ApiResponse().description("The Accept header allows neither application/json nor, "
							+ "for errors, application/problem+json"));
		}
		responses.addApiResponse("500", new ApiResponse().description(StringUtils.capitalize(Problems.SERVER_ERROR)));
		responses.addApiResponse("503",
				new ApiResponse().description("The database did not answer in time; nothing was changed")
					.addHeaderObject(HttpHeaders.RETRY_AFTER,
							new Header().description("Seconds to wait before trying again")
								.schema(new IntegerSchema().format("int32"))));
		responses.forEach((status, response) -> {
			if (status.startsWith("4") || status.startsWith("5")) {
				response.setContent(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			}
		});
		if (operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			describe(parameter);
			if ("limit".equals(parameter.getName())) {
				responses.get("200")
					.addHeaderObject("Link", new Header().description(
							"RFC 8288 link with rel=\"next\" to the next page, repeating the request's other parameters, "
									+ "as a reference relative to the request's URL (</tasks?limit=1&after=1>; rel=\"next\"); "
									+ "absent on the last page")
						.schema(new StringSchema()));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void describe(Parameter parameter) {
		Schema<Object> schema = parameter.getSchema();
		switch (parameter.getName()) {
			case "limit" -> {
				parameter.description("Page size");
				schema.setDefault(KeysetPage.DEFAULT_LIMIT);
			}
			case "after" -> {
				parameter.description("Only items with a greater id: the last id of the previous page");
				schema.setDefault(0);
			}
			case "include" -> {
				parameter.description("tasks: embed each user's tasks, ordered by id");
				schema.setPattern(null);
				schema.setEnum(List.of("tasks"));
			}
			case "completed" -> parameter.description("Only tasks that are (true) or are not (false) completed");
			case "userId" -> parameter.description("Only tasks of this user; an empty page if there is none");
			default -> {
			}
		}
	}

	private static void requireAlwaysPresent(String name, Schema<?> schema) {
		Set<String> optional = RESPONSE_SCHEMAS.get(name);
		if (optional != null && schema.getProperties() != null) {
			Set<String> required = new TreeSet<>(schema.getProperties().keySet());
			required.removeAll(optional);
			schema.setRequired(List.copyOf(required));
		}
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri-reference").example("about:blank"));
		properties.put("title", new StringSchema().example("Bad Request"));
		properties.put("status", new IntegerSchema().format("int32").example(400));
		properties.put("detail", new StringSchema().example("title must not be blank"));
		properties.put("instance", new StringSchema().format("uri-reference").example("/users/1/tasks"));
		properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
			.description("Validation failures: one entry per invalid field or parameter"));
		properties.put("requestId", new StringSchema()
			.description("Id of the request, as in the " + RequestIds.HEADER + " header and the server's logs"));
		return new ObjectSchema().description("An RFC 9457 problem")
			.properties(properties)
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldErrorSchema() {
		return new ObjectSchema().addProperty("field", new StringSchema().example("title"))
			.addProperty("message", new StringSchema().example("must not be blank"))
			.required(List.of("field", "message"));
	}

}
