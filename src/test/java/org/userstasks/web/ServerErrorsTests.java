package org.userstasks.web;

import org.junit.jupiter.api.Test;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.web.DomainErrorsTests.assertProblem;

/**
 * What the server could not do, told without any of the cause.
 */
class ServerErrorsTests {

	private final ServerErrors errors = new ServerErrors();

	@Test
	void aBusyDatabaseIsA503ToRetryInASecond() {
		ResponseEntity<Object> response = this.errors
			.databaseBusy(new PessimisticLockingFailureException("lock timeout on secret_table"));

		assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "the database is busy; nothing was changed, try again");
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
	}

	@Test
	void anythingElseIsA500ThatSaysNothingOfTheCause() {
		ResponseEntity<Object> response = this.errors.unexpected(new IllegalStateException("secret-state"));

		assertProblem(response, HttpStatus.INTERNAL_SERVER_ERROR, "the server could not complete the request");
		assertThat(response.getBody().toString()).doesNotContain("secret", "IllegalStateException");
	}

}
