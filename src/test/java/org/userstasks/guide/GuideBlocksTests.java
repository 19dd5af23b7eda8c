package org.userstasks.guide;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuideBlocksTests {

	private static final String SHARED = """
			Prose.

			<!-- sql: delete-user -->
			```sql
			delete from users where id=?
			```

			More prose.
			""";

	private static final String VARIANTS = """
			<!-- sql: create-task h2 -->
			```sql
			-- H2
			insert a
			```

			<!-- sql: create-task postgresql -->
			```sql
			-- PostgreSQL
			insert b
			```
			""";

	@Test
	void findsTheVariantOfADatabaseOrElseTheSharedBlock() {
		GuideBlocks shared = new GuideBlocks(SHARED);
		GuideBlocks variants = new GuideBlocks(VARIANTS);

		assertThat(shared.expected("sql", "delete-user", "postgresql")).get()
			.extracting(GuideBlocks.Block::body)
			.isEqualTo("delete from users where id=?\n");
		assertThat(variants.expected("sql", "create-task", "h2")).get()
			.extracting(GuideBlocks.Block::body)
			.isEqualTo("insert a\n");
		assertThat(variants.expected("sql", "create-task", "postgresql")).get()
			.extracting(GuideBlocks.Block::body)
			.isEqualTo("insert b\n");
		assertThat(variants.expected("plan", "create-task", "h2")).isEmpty();
		assertThat(variants.blocks()).extracting(GuideBlocks.Block::name).containsExactly("create-task", "create-task");
	}

	@Test
	void rewritingWithTheSameStatementsLeavesTheDocumentAsItIs() {
		assertThat(new GuideBlocks(SHARED).rewrite("sql", "delete-user", "h2", "delete from users where id=?\n").text())
			.isEqualTo(SHARED);
		assertThat(new GuideBlocks(VARIANTS).rewrite("sql", "create-task", "postgresql", "insert b\n").text())
			.isEqualTo(VARIANTS);
	}

	@Test
	void aSharedBlockThatNoLongerHoldsForOneDatabaseIsSplitIntoLabelledVariants() {
		String rewritten = new GuideBlocks(SHARED).rewrite("sql", "delete-user", "postgresql", "delete b\n").text();

		assertThat(rewritten).isEqualTo("""
				Prose.

				<!-- sql: delete-user h2 -->
				```sql
				-- H2
				delete from users where id=?
				```

				<!-- sql: delete-user postgresql -->
				```sql
				-- PostgreSQL
				delete b
				```

				More prose.
				""");
	}

	@Test
	void adjacentVariantsThatComeToHoldTheSameStatementsBecomeOneBlock() {
		GuideBlocks first = new GuideBlocks(VARIANTS).rewrite("sql", "create-task", "h2", "insert c\n");
		GuideBlocks both = first.rewrite("sql", "create-task", "postgresql", "insert c\n");

		assertThat(first.expected("sql", "create-task", "h2")).get()
			.extracting(GuideBlocks.Block::content)
			.isEqualTo("-- H2\ninsert c\n");
		assertThat(both.text()).isEqualTo("""
				<!-- sql: create-task -->
				```sql
				insert c
				```
				""");
	}

	@Test
	void listsARunOfTheSameStatementOnce() {
		assertThat(StatementListing.of(List.of("select a", "delete b", "delete b", "delete b", "select a")))
			.isEqualTo("select a\ndelete b -- 3 times\nselect a\n");
	}

}
