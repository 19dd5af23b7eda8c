package org.userstasks.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import org.userstasks.ops.RequestIds;

/**
 * Makes the document say exactly what the service accepts, as validators, mock servers
 * and client generators read it. Runs last, so it also covers the responses that other
 * customizers add: those must run before it, as an {@link OrderedCustomizer} with an
 * order below {@code LOWEST_PRECEDENCE} (OpenApiLintTests fails otherwise).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentRules {

	private static final String REQUEST_ID_REF = "#/components/headers/" + RequestIds.HEADER;

	// Assigned by the service, never sent by a client.
	private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt");

	private static final Map<String, String> TAGS = Map.of("users", "Users: sign-up, reading, changing, deleting",
			"tasks", "Tasks: each belongs to one user", "tokens", "Tokens: sign-in and sign-out");

	@Bean
	OpenApiCustomizer documentRules() {
		return new OrderedCustomizer(Ordered.LOWEST_PRECEDENCE, (api) -> {
			Components components = api.getComponents();
			components.addHeaders(RequestIds.HEADER, requestIdHeader());
			Set<String> requestSchemas = new HashSet<>();
			api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				operation.getResponses()
					.values()
					.forEach((response) -> response.addHeaderObject(RequestIds.HEADER,
							new Header().$ref(REQUEST_ID_REF)));
				requestSchemas.addAll(requestBodySchemas(operation));
				if (operation.getParameters() != null) {
					operation.getParameters().stream().map(Parameter::getSchema).forEach(ApiDocumentRules::anchor);
				}
			}));
			components.getSchemas().forEach((name, schema) -> {
				anchor(schema);
				if (requestSchemas.contains(name)) {
					closeRequestSchema(schema);
				}
				else {
					markReadOnly(schema);
				}
			});
			Set<String> tagged = new TreeSet<>();
			api.getPaths()
				.values()
				.forEach((path) -> path.readOperations()
					.stream()
					.filter((operation) -> operation.getTags() != null)
					.forEach((operation) -> tagged.addAll(operation.getTags())));
			tagged.forEach((name) -> describe(api, name));
		});
	}

	@SuppressWarnings("rawtypes")
	private static void markReadOnly(Schema<?> schema) {
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			properties.forEach((name, property) -> {
				if (READ_ONLY.contains(name)) {
					property.setReadOnly(true);
				}
			});
		}
	}

	private static Set<String> requestBodySchemas(Operation operation) {
		Set<String> names = new HashSet<>();
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return names;
		}
		for (MediaType media : operation.getRequestBody().getContent().values()) {
			String ref = (media.getSchema() != null) ? media.getSchema().get$ref() : null;
			if (ref != null) {
				names.add(ref.substring(ref.lastIndexOf('/') + 1));
			}
		}
		return names;
	}

	/**
	 * A request body as the service reads it: no property beyond those listed (an unknown
	 * one is a 400), and no {@code default}, which generators turn into a required
	 * property; the default is said in words instead.
	 */
	@SuppressWarnings("unchecked")
	private static void closeRequestSchema(Schema<?> schema) {
		schema.setAdditionalProperties(false);
		if (schema.getProperties() == null) {
			return;
		}
		for (Schema<Object> property : schema.getProperties().values().toArray(Schema[]::new)) {
			Object value = property.getDefault();
			if (value != null) {
				String said = "Optional; " + value + " when absent.";
				property.setDescription(
						(property.getDescription() != null) ? property.getDescription() + " " + said : said);
				property.setDefault(null);
				property.setDefaultSetFlag(false);
			}
		}
	}

	/**
	 * Bean Validation matches a pattern against the whole value, JSON Schema finds it
	 * anywhere in the value: anchored, both mean the same.
	 */
	private static void anchor(Schema<?> schema) {
		if (schema == null) {
			return;
		}
		String pattern = schema.getPattern();
		if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
			schema.setPattern(pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$");
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(ApiDocumentRules::anchor);
		}
		anchor(schema.getItems());
	}

	private static Header requestIdHeader() {
		return new Header()
			.description("Id of the request: the client's X-Request-Id when it is 1 to 64 of A-Z a-z 0-9 . _ -, "
					+ "generated otherwise; also in problem bodies (requestId) and in the server's logs")
			.schema(new StringSchema().pattern("^[A-Za-z0-9._-]{1,64}$"));
	}

	private static void describe(OpenAPI api, String name) {
		Tag tag = (api.getTags() != null) ? api.getTags()
			.stream()
			.filter((candidate) -> name.equals(candidate.getName()))
			.findFirst()
			.orElse(null) : null;
		if (tag == null) {
			tag = new Tag().name(name);
			api.addTagsItem(tag);
		}
		if (tag.getDescription() == null && TAGS.containsKey(name)) {
			tag.setDescription(TAGS.get(name));
		}
	}

}
