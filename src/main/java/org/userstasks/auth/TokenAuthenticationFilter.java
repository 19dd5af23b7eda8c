package org.userstasks.auth;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} token, with one
 * primary-key query. Without the header the request goes on anonymous (the URL rules
 * decide); with any other header — another scheme, an empty, malformed, unknown, expired
 * or revoked token, or several headers — it is refused with a 401 on every path.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final Tokens tokens;

	private final ProblemEntryPoint problems;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	TokenAuthenticationFilter(Tokens tokens, ProblemEntryPoint problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		if (headers.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Caller> caller = (headers.size() == 1) ? token(headers.get(0)).flatMap(this.tokens::authenticate)
				: Optional.empty();
		if (caller.isEmpty()) {
			this.problems.invalidToken(request, response);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new CallerAuthentication(caller.get()));
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	// The scheme is case-insensitive (RFC 9110); one space, then the token.
	private static Optional<String> token(String header) {
		if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		return Optional.of(header.substring(BEARER.length()));
	}

}
