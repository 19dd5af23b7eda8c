package org.userstasks.web;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers in two media types: {@code application/json} for successes and
 * {@code application/problem+json} for errors. The converters for other formats that the
 * classpath brings (YAML through the OpenAPI tooling, XML, CBOR, Smile) are removed, and
 * a success is never labelled problem+json, so an {@code Accept} that allows neither JSON
 * type gets a 406 problem.
 */
@Configuration(proxyBeanMethods = false)
class ResponseMediaTypes implements WebMvcConfigurer {

	private static final Set<MediaType> OTHER_FORMATS = Set.of(MediaType.APPLICATION_YAML, MediaType.APPLICATION_XML,
			MediaType.TEXT_XML, MediaType.APPLICATION_CBOR, new MediaType("application", "x-jackson-smile"),
			MediaType.APPLICATION_PROTOBUF);

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList((converters) -> {
			converters.removeIf(ResponseMediaTypes::writesAnotherFormat);
			// Only Jackson's own converter: Spring Data's projecting one, a subclass,
			// reads
			// projections and writes nothing.
			converters.replaceAll((converter) -> (converter.getClass() == JacksonJsonHttpMessageConverter.class)
					? new JsonOnly(((JacksonJsonHttpMessageConverter) converter).getMapper()) : converter);
		});
	}

	private static boolean writesAnotherFormat(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().anyMatch(OTHER_FORMATS::contains);
	}

	/**
	 * Jackson's JSON converter, which would write any value as any {@code +json} type:
	 * here only a problem is written as problem+json, everything else as application/json
	 * (media types of their own that a handler declares, such as the actuator's, stay
	 * writable).
	 */
	static final class JsonOnly extends JacksonJsonHttpMessageConverter {

		JsonOnly(JsonMapper mapper) {
			super(mapper);
		}

		@Override
		public List<MediaType> getSupportedMediaTypes(Class<?> type) {
			return ProblemDetail.class.isAssignableFrom(type) ? super.getSupportedMediaTypes(type)
					: List.of(MediaType.APPLICATION_JSON);
		}

		@Override
		public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
			if (mediaType != null && MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(mediaType)
					&& !ProblemDetail.class.isAssignableFrom(valueClass)) {
				return false;
			}
			return super.canWrite(type, valueClass, mediaType);
		}

	}

}
