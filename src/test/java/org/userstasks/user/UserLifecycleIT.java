package org.userstasks.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UserLifecycleIT {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Seeds seeds;

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	@Test
	void createsAUserAndRefusesTheSameNameInAnotherCase() {
		assertThat(this.mvc.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"alice\",\"password\":\"password1\"}")).hasStatus(HttpStatus.CREATED);

		assertThat(this.mvc.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"ALICE\",\"password\":\"password1\"}")).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
