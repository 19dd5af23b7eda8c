package org.userstasks.auth;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.cors.CorsUtils;

/**
 * Who may call what. Stateless: every request but a public one carries a bearer token (no
 * session, so no CSRF token is needed: a browser never adds the header by itself).
 * Owner-only writes are decided in the services, on the rows they read anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**" };

	private static final String[] PAGE = { "/", "/index.html", "/app/**" };

	@Bean
	SecurityFilterChain api(HttpSecurity http, Tokens tokens) throws Exception {
		ProblemEntryPoint problems = new ProblemEntryPoint();
		http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()).addHeaderWriter(privateResponses()))
			.addFilterBefore(new TokenAuthenticationFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests
				// Errors are rendered in a second dispatch, already judged in the first.
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				// A CORS preflight never carries credentials; CORS answers it.
				.requestMatchers(CorsUtils::isPreFlightRequest)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/users", "/tokens")
				.permitAll()
				.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers(HttpMethod.GET, PAGE)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, PAGE)
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/**
	 * Instead of Spring Security's {@code no-store} on every response: that would keep
	 * browsers from revalidating with an ETag, and from caching the web page's files. A
	 * response to a signed-in request may be kept by the browser only (never by a shared
	 * cache) and is revalidated before each use; a response that sets its own
	 * {@code Cache-Control} (the token, {@code no-store}) keeps it.
	 */
	private static HeaderWriter privateResponses() {
		return (request, response) -> {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
					&& !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
			}
		};
	}

	/**
	 * Spring Security's firewall refuses requests whose path or headers could be read two
	 * ways (a ";" path parameter, an encoded slash or "%", "//", control characters): a
	 * 400, as a problem like every other one, before the token is looked at.
	 */
	@Bean
	RequestRejectedHandler problemForRejectedRequests() {
		return (request, response, rejected) -> AuthProblems.write(request, response, HttpStatus.BAD_REQUEST,
				"the request's path or headers contain characters or sequences that are not allowed");
	}

	/**
	 * No observation per filter of the chain, nor per authentication or authorization:
	 * requests are observed as a whole ({@code http.server.requests}), and with no
	 * tracing these only made meters nobody reads, at a cost measured at steady state in
	 * bench/RESULTS.md.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
