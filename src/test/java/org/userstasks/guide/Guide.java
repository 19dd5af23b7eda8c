package org.userstasks.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/one-to-many.md, whose checked blocks must show what the code runs on the database
 * of this run. With {@code -Dguide.write=true} the blocks are first rewritten from what
 * it runs (run on H2, then PostgreSQL, as the build does), for the diff to be reviewed.
 */
final class Guide {

	static final Path PATH = Path.of("docs/one-to-many.md");

	private static final boolean WRITE = Boolean.getBoolean("guide.write");

	private Guide() {
	}

	static GuideBlocks read() {
		try {
			return new GuideBlocks(Files.readString(PATH, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String database() {
		return TestDatabase.isPostgres() ? "postgresql" : "h2";
	}

	static void assertShows(String kind, String name, String content) {
		GuideBlocks guide = read();
		if (WRITE) {
			guide = guide.rewrite(kind, name, database(), content);
			write(guide);
		}
		var block = guide.expected(kind, name, database());
		assertThat(block).as("%s has a block <!-- %s: %s --> (or one for %s)", PATH, kind, name, database())
			.isPresent();
		assertThat(block.get().body())
			.as("%s, block %s: %s, is not what the code runs on %s; rewrite it with ./mvnw verify -Dguide.write=true",
					PATH, kind, name, database())
			.isEqualTo(GuideBlocks.Block.body(content));
	}

	private static void write(GuideBlocks guide) {
		try {
			Files.writeString(PATH, guide.text(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
