package org.userstasks.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The value of an {@code If-Match} or {@code If-None-Match} field (RFC 9110 §13.1.1 and
 * §13.1.2): {@code *}, or a comma-separated list of entity tags ({@code "3"},
 * {@code W/"3"}), empty elements allowed. Also how this service writes its own tags: a
 * revision number, as a strong tag ({@code "3"}).
 */
public final class EntityTags {

	// The tags this service issues: a revision in plain decimal, no leading zeros, so
	// that
	// each revision has exactly one tag.
	private static final Pattern REVISION = Pattern.compile("0|[1-9][0-9]{0,18}");

	private static final String WEAK = "W/";

	private final boolean any;

	private final List<String> tags;

	private EntityTags(boolean any, List<String> tags) {
		this.any = any;
		this.tags = tags;
	}

	/**
	 * The strong entity tag of a revision, as an {@code ETag} field value.
	 */
	public static String of(long revision) {
		return "\"" + revision + "\"";
	}

	/**
	 * Parses the value of {@code field} (several field lines joined by commas); empty
	 * when the request has no such field.
	 * @throws MalformedHeader when it is neither {@code *} nor a list of entity tags
	 */
	public static Optional<EntityTags> parse(String field, @Nullable String value) {
		return (value != null) ? Optional.of(parseValue(field, value)) : Optional.empty();
	}

	private static EntityTags parseValue(String field, String value) {
		String trimmed = trimWhitespace(value);
		if (trimmed.equals("*")) {
			return new EntityTags(true, List.of());
		}
		List<String> tags = new ArrayList<>();
		int i = 0;
		boolean separated = true;
		while (i < trimmed.length()) {
			char c = trimmed.charAt(i);
			if (c == ' ' || c == '\t') {
				i++;
			}
			else if (c == ',') {
				separated = true;
				i++;
			}
			else {
				int end = tagEnd(trimmed, i);
				if (!separated || end < 0) {
					throw new MalformedHeader(field + " must be * or a comma-separated list of entity tags, "
							+ "such as \"3\" or W/\"3\"");
				}
				tags.add(trimmed.substring(i, end));
				separated = false;
				i = end;
			}
		}
		return new EntityTags(false, List.copyOf(tags));
	}

	/**
	 * Whether the value is {@code *}: any current representation matches.
	 */
	public boolean isAny() {
		return this.any;
	}

	/**
	 * The {@code If-Match} comparison: {@code *}, or a listed tag equal to
	 * {@code current} with neither being weak.
	 */
	public boolean matchesStrongly(String current) {
		return this.any || (!isWeak(current) && this.tags.stream().anyMatch(current::equals));
	}

	/**
	 * The {@code If-None-Match} comparison: {@code *}, or a listed tag whose opaque part
	 * equals that of {@code current}, weak or not.
	 */
	public boolean matchesWeakly(String current) {
		String opaque = opaque(current);
		return this.any || this.tags.stream().anyMatch((tag) -> opaque(tag).equals(opaque));
	}

	/**
	 * The revisions of the listed strong tags that are of the form {@link #of(long)}
	 * writes; a weak tag, or one this service never issues, names none.
	 */
	public Set<Long> strongRevisions() {
		Set<Long> revisions = new LinkedHashSet<>();
		for (String tag : this.tags) {
			String opaque = tag.substring(1, tag.length() - 1);
			if (!isWeak(tag) && REVISION.matcher(opaque).matches()) {
				try {
					revisions.add(Long.parseLong(opaque));
				}
				catch (NumberFormatException ex) {
					// Beyond a long: no revision ever has it.
				}
			}
		}
		return revisions;
	}

	@Override
	public String toString() {
		return this.any ? "*" : String.join(", ", this.tags);
	}

	private static boolean isWeak(String tag) {
		return tag.startsWith(WEAK);
	}

	private static String opaque(String tag) {
		return isWeak(tag) ? tag.substring(WEAK.length()) : tag;
	}

	/**
	 * Where the entity tag starting at {@code start} ends (the index after its closing
	 * quote), or -1 when none starts there.
	 */
	private static int tagEnd(String value, int start) {
		int i = value.startsWith(WEAK, start) ? start + WEAK.length() : start;
		if (i >= value.length() || value.charAt(i) != '"') {
			return -1;
		}
		for (i++; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				return i + 1;
			}
			if (!isTagCharacter(c)) {
				return -1;
			}
		}
		return -1;
	}

	// etagc = %x21 / %x23-7E / obs-text: visible ASCII but '"', or a byte of 0x80-0xFF
	// (header bytes reach us decoded as ISO-8859-1).
	private static boolean isTagCharacter(char c) {
		return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
	}

	private static String trimWhitespace(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
			end--;
		}
		return value.substring(start, end);
	}

}
