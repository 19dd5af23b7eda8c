package org.userstasks.guide;

import java.util.List;

/**
 * Statements as the guide lists them: one a line, as sent to JDBC (a statement written
 * over several lines would be joined into one; Hibernate sends each on one line), a run
 * of the same statement written once with {@code -- N times} after it.
 */
final class StatementListing {

	private StatementListing() {
	}

	static String of(List<String> statements) {
		StringBuilder listing = new StringBuilder();
		int i = 0;
		while (i < statements.size()) {
			String statement = statements.get(i);
			int run = 1;
			while (i + run < statements.size() && statements.get(i + run).equals(statement)) {
				run++;
			}
			listing.append(statement.strip().replaceAll("\\s+", " "));
			listing.append((run > 1) ? " -- " + run + " times\n" : "\n");
			i += run;
		}
		return listing.toString();
	}

}
