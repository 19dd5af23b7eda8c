package org.userstasks.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the server could not do: a busy database (503) and anything unexpected (500). Last
 * in order, so that its catch-all only takes what no other handler knows. Messages are
 * written here, never copied from an exception, so no class name, SQL or stack trace
 * reaches a client.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ServerErrors {

	private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

	/**
	 * The database did not answer in time: a lock held too long by another transaction, a
	 * statement past the transaction timeout, no free connection. Nothing was changed,
	 * and the same request may well succeed a moment later.
	 */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class,
			TransactionTimedOutException.class, CannotCreateTransactionException.class })
	ResponseEntity<Object> databaseBusy(Exception ex) {
		log.warn("Database busy: {}", ex.toString());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the database is busy; nothing was changed, try again"), headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, Problems.SERVER_ERROR);
	}

}
