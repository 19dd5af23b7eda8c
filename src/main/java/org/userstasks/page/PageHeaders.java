package org.userstasks.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The headers of the page's responses. The policy allows scripts, styles, images and
 * requests from the service itself only, with no inline script or style and no string
 * that becomes markup or code (Trusted Types), so that a title someone typed can never
 * run as script on another person's page.
 */
class PageHeaders implements HandlerInterceptor {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
			"form-action 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'",
			"trusted-types 'none'");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		return true;
	}

}
