package org.userstasks.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code docs/one-to-many.md quotes is still in the files it names, and no SQL or Java
 * block goes unchecked: each is either statements a test compares with what the code
 * runs, or an excerpt of a file.
 */
class GuideExcerptsTests {

	private static final Pattern FENCE = Pattern.compile("(?m)^```(sql|java|text)$");

	@Test
	void everyExcerptIsALineForLineQuoteOfItsFile() throws IOException {
		List<GuideBlocks.Block> excerpts = Guide.read()
			.blocks()
			.stream()
			.filter((block) -> block.kind().equals("excerpt"))
			.toList();
		assertThat(excerpts).isNotEmpty();

		// Every drifted excerpt is reported, not only the first.
		SoftAssertions softly = new SoftAssertions();
		for (GuideBlocks.Block excerpt : excerpts) {
			List<String> file = stripped(Files.readAllLines(Path.of(excerpt.name()), StandardCharsets.UTF_8));
			List<String> quoted = stripped(excerpt.content().lines().toList());

			softly.assertThat(Collections.indexOfSubList(file, quoted))
				.as("excerpt of %s:%n%s", excerpt.name(), excerpt.content())
				.isNotNegative();
		}
		softly.assertAll();
	}

	@Test
	void everySqlJavaAndPlanBlockIsCheckedOrAnExcerpt() {
		GuideBlocks guide = Guide.read();
		List<Integer> marked = guide.blocks().stream().map(GuideBlocks.Block::start).toList();

		Matcher fence = FENCE.matcher(guide.text());
		int opening = 0;
		while (fence.find()) {
			int markerStart = guide.text().lastIndexOf("<!-- ", fence.start());
			boolean isMarked = marked.contains(markerStart)
					&& guide.text().indexOf('\n', markerStart) + 1 == fence.start();
			assertThat(isMarked).as("the block at offset %d of %s has no marker", fence.start(), Guide.PATH).isTrue();
			opening++;
		}
		assertThat(opening).isEqualTo(guide.blocks().size());
	}

	private static List<String> stripped(List<String> lines) {
		return lines.stream().map(String::strip).toList();
	}

}
