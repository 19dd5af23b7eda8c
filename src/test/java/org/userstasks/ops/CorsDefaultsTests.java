package org.userstasks.ops;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.filter.CorsFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code app.cors.allowed-origins} unset, no response carries CORS headers, so
 * browsers keep other origins out.
 */
@WebMvcTest(controllers = ServerErrorLoggingTests.FailingController.class)
@Import({ ServerErrorLoggingTests.FailingController.class, CorsSettings.class })
class CorsDefaultsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CorsProperties properties;

	@Autowired
	FilterRegistrationBean<CorsFilter> corsFilter;

	@Test
	void allowsNoOriginByDefault() {
		assertThat(this.properties.allowedOrigins()).isEmpty();
		assertThat(this.corsFilter.isEnabled()).isFalse();
	}

	@Test
	void answersAPreflightWithoutCorsHeaders() {
		assertThat(this.mvc.options()
			.uri("/failing")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
	}

	@Test
	void answersARequestWithAnOriginWithoutCorsHeaders() {
		assertThat(this.mvc.get().uri("/failing").header(HttpHeaders.ORIGIN, "http://localhost:5173"))
			.doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
