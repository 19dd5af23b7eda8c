package org.userstasks.ops;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the API ({@code app.cors.allowed-origins}, comma
 * separated, e.g. {@code http://localhost:5173,https://app.example}). None by default:
 * then no response carries CORS headers.
 *
 * @param allowedOrigins browser origins allowed to call the API, comma separated; none by
 * default
 */
@ConfigurationProperties("app.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = allowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList();
	}

}
