package org.userstasks.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the contract reads it: a value of the wrong JSON type is an error rather than
 * coerced ({@code "true"} is not a boolean, {@code 5} is not a title), {@code null} is
 * never accepted, and timestamps always carry milliseconds and Z.
 */
@Configuration(proxyBeanMethods = false)
class JsonSettings {

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("timestamps").addSerializer(Instant.class, new TimestampSerializer()));
	}

	static final class TimestampSerializer extends ValueSerializer<Instant> {

		private static final long FIRST_YEAR_0000 = -62167219200L;

		private static final long FIRST_YEAR_10000 = 253402300800L;

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			long seconds = value.getEpochSecond();
			if (seconds < FIRST_YEAR_0000 || seconds >= FIRST_YEAR_10000) {
				generator.writeString(TIMESTAMP.format(value));
				return;
			}
			char[] text = new char[24];
			write(LocalDateTime.ofEpochSecond(seconds, value.getNano(), ZoneOffset.UTC), text);
			generator.writeString(text, 0, text.length);
		}

		/**
		 * The same characters as {@link #TIMESTAMP} for years 0 to 9999, written
		 * directly: a list of users with their tasks has thousands of timestamps, and the
		 * formatter was the largest single cost of rendering it.
		 */
		static void write(LocalDateTime time, char[] text) {
			digits(text, 0, time.getYear(), 4);
			text[4] = '-';
			digits(text, 5, time.getMonthValue(), 2);
			text[7] = '-';
			digits(text, 8, time.getDayOfMonth(), 2);
			text[10] = 'T';
			digits(text, 11, time.getHour(), 2);
			text[13] = ':';
			digits(text, 14, time.getMinute(), 2);
			text[16] = ':';
			digits(text, 17, time.getSecond(), 2);
			text[19] = '.';
			digits(text, 20, time.getNano() / 1_000_000, 3);
			text[23] = 'Z';
		}

		private static void digits(char[] text, int offset, int value, int width) {
			for (int i = offset + width - 1; i >= offset; i--) {
				text[i] = (char) ('0' + value % 10);
				value /= 10;
			}
		}

	}

}
