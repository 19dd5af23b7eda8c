package org.userstasks.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An error answered with no body, as the actuator does for an unknown health group, gets
 * a problem body like every other error.
 */
@ControllerAdvice
class EmptyErrorBodies implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null || !(response instanceof ServletServerHttpResponse servlet)) {
			return body;
		}
		HttpStatus status = HttpStatus.resolve(servlet.getServletResponse().getStatus());
		if (status == null || !status.isError()) {
			return null;
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Problems.detail(status));
		try {
			problem.setInstance(new URI(request.getURI().getRawPath()));
		}
		catch (URISyntaxException ex) {
			// Left out rather than echoed.
		}
		return Problems.complete(problem);
	}

}
