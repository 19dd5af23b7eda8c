package org.userstasks.ops;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class CorsPropertiesTests {

	@Test
	void readsCommaSeparatedOriginsFromTheEnvironmentVariable() {
		CorsProperties properties = bind(
				Map.of("APP_CORS_ALLOWED_ORIGINS", "http://localhost:5173, https://app.example"));

		assertThat(properties.allowedOrigins()).containsExactly("http://localhost:5173", "https://app.example");
	}

	@Test
	void allowsNoOriginWhenUnsetOrEmpty() {
		assertThat(bind(Map.of()).allowedOrigins()).isEmpty();
		assertThat(bind(Map.of("APP_CORS_ALLOWED_ORIGINS", "")).allowedOrigins()).isEmpty();
	}

	private static CorsProperties bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("app.cors", CorsProperties.class);
	}

}
