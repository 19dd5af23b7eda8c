package org.userstasks.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JsonContentTypeTests {

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "APPLICATION/JSON", "application/json;charset=UTF-8",
			"application/json ; charset=\"utf-8\"", "application/json;;", "application/vnd.a.b+json",
			"application/problem+json", "application/json; a=\"x,y;z\"", "application/json; a=\"q\\\"\"" })
	void isJsonForOneJsonTypeWithOrWithoutParameters(String value) {
		assertThat(JsonContentType.isJson(List.of(value))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "*/*", "application/*", "*/json", "application/*+json", "application/a*+json",
			"*", "application", "application/", "/json", "application/json/x", "application/json;charset",
			"application/json; charset=", "application/json; a=\"open", "application/json, text/plain",
			"application/json,application/json", "application/json text/plain", "application/+json",
			"application/jsonx", "text/json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
			"application/json; a=b c", "application/js\u00f6n" })
	void isNotJsonForAnythingElse(String value) {
		assertThat(JsonContentType.isJson(List.of(value))).isFalse();
	}

	@Test
	void isNotJsonForNoneOrSeveralHeaders() {
		assertThat(JsonContentType.isJson(List.of())).isFalse();
		assertThat(JsonContentType.isJson(List.of("application/json", "application/json"))).isFalse();
	}

}
