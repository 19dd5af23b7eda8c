package org.userstasks.task;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.userstasks.user.TasksOfUsers;

/**
 * The tasks that {@code include=tasks} embeds in users: one range query, read with plain
 * JDBC and handed on row by row. On PostgreSQL the driver reads {@value #FETCH_SIZE} rows
 * at a time through a cursor only inside a transaction (autocommit off), hence the
 * read-only transaction. H2 reads the whole result before the first row: it keeps the
 * first rows in memory and writes the rest to a temporary file, after holding up to 16 MB
 * of it in memory by its own estimate (10,000 rows and 16 MB with a 256 MB heap).
 */
@Component
class TaskListsOfUsers implements TasksOfUsers {

	static final int FETCH_SIZE = 500;

	// Ordered as the index on (user_id, id): the database reads the index range and never
	// sorts, however deep the page.
	private static final String TASKS_OF_USERS = "SELECT id, title, completed, user_id, created_at, updated_at"
			+ " FROM tasks WHERE user_id BETWEEN ? AND ? ORDER BY user_id, id";

	// H2 also keeps an index on user_id alone, made for the foreign key; left to itself,
	// it reads the range from that one and sorts all of it by id (for a page of 1,000
	// users with 1,000 tasks each, a sorted temporary result of a million rows).
	private static final String TASKS_OF_USERS_H2 = TASKS_OF_USERS.replace(" FROM tasks ",
			" FROM tasks USE INDEX (tasks_user_id_idx) ");

	private final JdbcClient jdbc;

	private final String statement;

	private final TimestampColumn timestamps;

	TaskListsOfUsers(DataSource dataSource) throws MetaDataAccessException {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		boolean h2 = "H2".equals(product);
		this.statement = h2 ? TASKS_OF_USERS_H2 : TASKS_OF_USERS;
		// H2 hands out an Instant directly; through an OffsetDateTime it costs a
		// conversion and a zone lookup per column (a tenth of a page of users with their
		// tasks). PostgreSQL's driver knows no Instant.
		this.timestamps = h2 ? (row, column) -> row.getObject(column, Instant.class)
				: (row, column) -> row.getObject(column, OffsetDateTime.class).toInstant();
	}

	@Override
	@Transactional(readOnly = true)
	public void readByUserIdBetween(long firstUserId, long lastUserId, Consumer<Cursor> reader) {
		try (Stream<TaskView> rows = this.jdbc.sql(this.statement)
			.params(firstUserId, lastUserId)
			.query(this::task)
			.stream()) {
			reader.accept(new RowCursor(rows.iterator()));
		}
	}

	private TaskView task(ResultSet row, int number) throws SQLException {
		return new TaskView(row.getLong(1), row.getString(2), row.getBoolean(3), row.getLong(4),
				this.timestamps.read(row, 5), this.timestamps.read(row, 6));
	}

	/**
	 * How a {@code TIMESTAMP WITH TIME ZONE} column is read as an instant.
	 */
	@FunctionalInterface
	private interface TimestampColumn {

		Instant read(ResultSet row, int column) throws SQLException;

	}

	/**
	 * The rows, one ahead: the next task decides whose turn it is.
	 */
	private static final class RowCursor implements Cursor {

		private final Iterator<TaskView> rows;

		private @Nullable TaskView next;

		RowCursor(Iterator<TaskView> rows) {
			this.rows = rows;
			advance();
		}

		@Override
		public Iterable<?> tasksOf(long userId) {
			// Tasks of a user nobody asks for (created inside the range after the page
			// was read) are passed over.
			while (this.next != null && this.next.userId() < userId) {
				advance();
			}
			return new TasksOfOne(userId);
		}

		private void advance() {
			this.next = this.rows.hasNext() ? this.rows.next() : null;
		}

		/**
		 * One user's tasks: the rows from the cursor's position while they are this
		 * user's.
		 */
		private final class TasksOfOne implements Iterable<TaskView>, Iterator<TaskView> {

			private final long userId;

			TasksOfOne(long userId) {
				this.userId = userId;
			}

			@Override
			public Iterator<TaskView> iterator() {
				return this;
			}

			@Override
			public boolean hasNext() {
				TaskView task = RowCursor.this.next;
				return task != null && task.userId() == this.userId;
			}

			@Override
			public TaskView next() {
				TaskView task = RowCursor.this.next;
				if (task == null || task.userId() != this.userId) {
					throw new NoSuchElementException();
				}
				advance();
				return task;
			}

		}

	}

}
