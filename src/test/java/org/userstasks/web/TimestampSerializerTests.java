package org.userstasks.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampSerializerTests {

	// A mapper of its own: the one that writes instants with the serializer under test.
	private final JsonMapper json = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(Instant.class, new JsonSettings.TimestampSerializer()))
		.build();

	@Test
	void writesTheSameTextAsTheFormatterForYearsZeroTo9999() {
		// given
		SplittableRandom random = new SplittableRandom(42);
		long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 100_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
			char[] text = new char[24];

			// when
			JsonSettings.TimestampSerializer
				.write(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), text);

			// then
			assertThat(new String(text)).isEqualTo(JsonSettings.TIMESTAMP.format(instant));
		}
	}

	@Test
	void rendersMillisecondsAndZ() {
		assertThat(this.json.writeValueAsString(Instant.parse("2026-11-24T15:04:05.1239Z")))
			.isEqualTo("\"2026-11-24T15:04:05.123Z\"");
		assertThat(this.json.writeValueAsString(Instant.EPOCH)).isEqualTo("\"1970-01-01T00:00:00.000Z\"");
	}

	@Test
	void fallsBackToTheFormatterOutsideFourDigitYears() {
		Instant late = Instant.parse("+10000-01-01T00:00:00Z");
		Instant early = Instant.parse("-0001-12-31T23:59:59.999Z");

		assertThat(this.json.writeValueAsString(late)).isEqualTo("\"" + JsonSettings.TIMESTAMP.format(late) + "\"");
		assertThat(this.json.writeValueAsString(early)).isEqualTo("\"" + JsonSettings.TIMESTAMP.format(early) + "\"");
	}

}
