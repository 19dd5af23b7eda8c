package org.userstasks.testing;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.springframework.boot.test.context.TestComponent;

/**
 * Counts the SQL statements Hibernate prepares while an action runs (statistics are
 * enabled by {@link IntegrationTest}). Statements run with JdbcTemplate are not counted.
 */
@TestComponent
public class SqlStatements {

	private final Statistics statistics;

	public SqlStatements(EntityManagerFactory entityManagerFactory) {
		this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
	}

	public long countDuring(Runnable action) {
		this.statistics.clear();
		action.run();
		return this.statistics.getPrepareStatementCount();
	}

}
