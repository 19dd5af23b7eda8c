package org.userstasks.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 for a request without a token that needs one, 403 for one refused by a URL rule, as
 * problems.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AuthProblems.NO_TOKEN);
		AuthProblems.write(request, response, HttpStatus.UNAUTHORIZED,
				"sign in first: send Authorization: Bearer <accessToken>");
	}

	/**
	 * A token that is malformed, unknown, expired or revoked: refused on every path,
	 * public ones included, so a client learns at once that it must sign in again.
	 */
	void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AuthProblems.INVALID_TOKEN);
		AuthProblems.write(request, response, HttpStatus.UNAUTHORIZED,
				"the access token is malformed, unknown, expired or revoked; sign in again");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		AuthProblems.write(request, response, HttpStatus.FORBIDDEN, "not allowed for this user");
	}

}
