package org.userstasks.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Reads response bodies as trees that keep the order of properties, so tests can check
 * the exact shape a client sees. The one plain mapper of the tests: those that need
 * another configuration build it because they test that configuration.
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonNode parse(String text) {
		return MAPPER.readTree(text);
	}

	public static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	public static JsonNode body(MvcTestResult result) {
		return parse(text(result));
	}

	/**
	 * The property names of an object, in the order they were written.
	 */
	public static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	/**
	 * The {@code id} of every element of an array, in order.
	 */
	public static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach((element) -> ids.add(element.get("id").asLong()));
		return ids;
	}

	/**
	 * The tree written indented, one property a line, for a file that diffs cleanly.
	 */
	public static String pretty(JsonNode tree) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
	}

	/**
	 * The value as Jackson writes it by default.
	 */
	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * A JSON string literal (quoted and escaped) for building request bodies.
	 */
	public static String quote(String value) {
		return MAPPER.writeValueAsString(value);
	}

}
