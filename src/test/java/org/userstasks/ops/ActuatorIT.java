package org.userstasks.ops;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ActuatorIT {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	@Autowired
	HealthEndpointGroups healthGroups;

	@Test
	void healthIsUp() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void livenessAndReadinessAreUp() {
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void readinessIncludesTheDatabase() {
		assertThat(this.healthGroups.get("readiness").isMember("db")).isTrue();
		assertThat(this.healthGroups.get("readiness").isMember("readinessState")).isTrue();
		assertThat(this.healthGroups.get("liveness").isMember("db")).isFalse();
	}

	@Test
	void prometheusHasLatencyHistogramsPerRouteTemplate() {
		long id = this.seeds.user("metered");
		assertThat(this.mvc.get().uri("/users/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(id))).hasStatusOk();

		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.bodyText()
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/users/\\{id}\"[^}]*le=\"");
	}

	@Test
	void observesEachRequestAsAWholeNotEachSecurityFilter() {
		long id = this.seeds.user("observed");
		assertThat(this.mvc.get().uri("/users/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(id))).hasStatusOk();

		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("http_server_requests_seconds_count")
			.doesNotContain("spring_security_filterchains", "spring_security_authorizations",
					"spring_security_http_secured_requests");
	}

	@Test
	void exposesNothingElse() {
		String bearer = bearer(this.seeds.user("curious"));
		for (String path : new String[] { "/actuator/env", "/actuator/beans", "/actuator/metrics",
				"/actuator/configprops", "/actuator/heapdump", "/actuator" }) {
			assertThat(this.mvc.get().uri(path)).as(path)
				.hasStatus(HttpStatus.UNAUTHORIZED)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer)).as(path)
				.hasStatus(HttpStatus.NOT_FOUND)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private String bearer(long userId) {
		return "Bearer " + this.seeds.token(userId);
	}

	@Test
	void actuatorErrorsAreProblems() {
		assertThat(this.mvc.get().uri("/actuator/health/nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.instance")
			.isEqualTo("/actuator/health/nope");
		assertThat(this.mvc.post().uri("/actuator/health")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
