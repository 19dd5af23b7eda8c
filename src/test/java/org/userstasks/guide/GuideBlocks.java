package org.userstasks.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checked blocks of a Markdown document: a fenced block right after a marker such as
 * {@code <!-- sql: include-tasks-page -->}, or
 * {@code <!-- sql: create-task postgresql -->} for the variant of one database. A block
 * without a database holds for every database.
 */
final class GuideBlocks {

	static final List<String> DATABASES = List.of("h2", "postgresql");

	private static final Pattern BLOCK = Pattern.compile(
			"<!-- (sql|plan|excerpt): ([A-Za-z0-9_./-]+)(?: (h2|postgresql))? -->\\n(```[a-z]*)\\n(.*?)```\\n",
			Pattern.DOTALL);

	private final String text;

	GuideBlocks(String text) {
		this.text = text;
	}

	String text() {
		return this.text;
	}

	List<Block> blocks() {
		List<Block> blocks = new ArrayList<>();
		Matcher block = BLOCK.matcher(this.text);
		while (block.find()) {
			blocks.add(new Block(block.group(1), block.group(2), block.group(3), block.group(4), block.group(5),
					block.start(), block.end()));
		}
		return blocks;
	}

	/**
	 * The names of the blocks of one kind ({@code sql}, {@code plan}), each once.
	 */
	Set<String> namesOf(String kind) {
		return blocks().stream()
			.filter((block) -> block.kind().equals(kind))
			.map(Block::name)
			.collect(Collectors.toSet());
	}

	/**
	 * What the document says the database runs: the block of that database, or else the
	 * block for every database.
	 */
	Optional<Block> expected(String kind, String name, String database) {
		return find(kind, name, database).or(() -> find(kind, name, null));
	}

	/**
	 * The document with the block of that database holding {@code content}. A block for
	 * every database that no longer holds for this one is split in two: this database's,
	 * and the other's with the old content (rewritten in turn when the other database
	 * runs). Two adjacent variants that come to hold the same content become one block.
	 */
	GuideBlocks rewrite(String kind, String name, String database, String content) {
		Optional<Block> own = find(kind, name, database);
		if (own.isPresent()) {
			GuideBlocks rewritten = replace(own.get(), own.get().withContent(content).render());
			return rewritten.mergeIfSame(kind, name);
		}
		Block shared = find(kind, name, null)
			.orElseThrow(() -> new IllegalArgumentException("no block " + kind + ": " + name));
		if (shared.body().equals(Block.body(content))) {
			return this;
		}
		StringBuilder variants = new StringBuilder();
		for (String each : DATABASES) {
			variants.append((variants.isEmpty()) ? "" : "\n")
				.append(shared.variant(each, each.equals(database) ? content : shared.content()).render());
		}
		return replace(shared, variants.toString());
	}

	private GuideBlocks mergeIfSame(String kind, String name) {
		Optional<Block> first = find(kind, name, DATABASES.get(0));
		Optional<Block> second = find(kind, name, DATABASES.get(1));
		if (first.isEmpty() || second.isEmpty() || !first.get().body().equals(second.get().body())) {
			return this;
		}
		Block earlier = (first.get().start() < second.get().start()) ? first.get() : second.get();
		Block later = (earlier == first.get()) ? second.get() : first.get();
		if (!this.text.substring(earlier.end(), later.start()).isBlank()) {
			return this;
		}
		return new GuideBlocks(this.text.substring(0, earlier.start()) + earlier.variant(null, earlier.body()).render()
				+ this.text.substring(later.end()));
	}

	private Optional<Block> find(String kind, String name, String database) {
		return blocks().stream()
			.filter((block) -> block.kind().equals(kind) && block.name().equals(name)
					&& Objects.equals(block.database(), database))
			.findFirst();
	}

	private GuideBlocks replace(Block block, String replacement) {
		return new GuideBlocks(this.text.substring(0, block.start()) + replacement + this.text.substring(block.end()));
	}

	/**
	 * One checked block. Its {@link #body()} is what is compared: the content without
	 * lines that are only an SQL comment (labels for the reader, such as
	 * {@code -- PostgreSQL}).
	 */
	record Block(String kind, String name, String database, String fence, String content, int start, int end) {

		String body() {
			return body(this.content);
		}

		static String body(String content) {
			StringBuilder body = new StringBuilder();
			content.lines()
				.filter((line) -> !line.startsWith("-- "))
				.forEach((line) -> body.append(line.stripTrailing()).append('\n'));
			return body.toString();
		}

		Block withContent(String content) {
			return new Block(this.kind, this.name, this.database, this.fence, content, this.start, this.end);
		}

		Block variant(String database, String content) {
			return new Block(this.kind, this.name, database, this.fence, content, this.start, this.end);
		}

		String render() {
			String label = switch ((this.database != null && this.kind.equals("sql")) ? this.database : "") {
				case "h2" -> "-- H2\n";
				case "postgresql" -> "-- PostgreSQL\n";
				default -> "";
			};
			String marker = "<!-- " + this.kind + ": " + this.name
					+ ((this.database != null) ? " " + this.database : "") + " -->\n";
			return marker + this.fence + "\n" + label + body() + "```\n";
		}

	}

}
