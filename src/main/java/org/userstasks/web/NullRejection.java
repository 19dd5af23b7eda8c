package org.userstasks.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Rejects an explicit {@code null} in a request body. Jackson can fail on nulls, but for
 * records it then also fails on absent properties, which a PATCH relies on; so the body
 * is looked at once as a tree first. Bodies are small and bounded by
 * {@link BodySizeLimit}.
 */
@ControllerAdvice
class NullRejection extends RequestBodyAdviceAdapter {

	private final JsonMapper json;

	NullRejection(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return parameter.getParameterType().isRecord();
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		rejectNulls(body);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

	private void rejectNulls(byte[] body) {
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// Not JSON: the converter reads it again and reports it as such.
			return;
		}
		if (tree != null && tree.isObject()) {
			// Every null property, so the problem lists each bad field once.
			List<String> nulls = tree.properties()
				.stream()
				.filter((property) -> property.getValue().isNull())
				.map(Map.Entry::getKey)
				.toList();
			if (!nulls.isEmpty()) {
				throw new NullProperty(nulls);
			}
		}
	}

}
