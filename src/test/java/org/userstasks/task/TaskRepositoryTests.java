package org.userstasks.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The projections behind task lists and the JDBC reader behind {@code include=tasks}: id
 * order, filters and limits, on the migrated H2 schema.
 */
@DataJpaTest
@Import(TaskListsOfUsers.class)
class TaskRepositoryTests {

	@Autowired
	TaskRepository tasks;

	@Autowired
	TaskListsOfUsers lists;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private long bob;

	private long carol;

	@BeforeEach
	void seed() {
		this.alice = user("alice");
		this.bob = user("bob");
		this.carol = user("carol");
		// Interleaved on purpose: ids of one user's tasks are not consecutive.
		task(this.bob, "b1", false);
		task(this.alice, "a1", true);
		task(this.carol, "c1", false);
		task(this.bob, "b2", true);
		task(this.alice, "a2", false);
	}

	@Test
	void readsTheTasksOfARangeOfUsersByUserThenIdAsTheyCome() {
		Map<Long, List<String>> titles = new LinkedHashMap<>();

		this.lists.readByUserIdBetween(this.alice, this.bob, (cursor) -> {
			for (long user : List.of(this.alice, this.bob)) {
				cursor.tasksOf(user)
					.forEach((task) -> titles.computeIfAbsent(user, (key) -> new ArrayList<>())
						.add(((TaskView) task).title()));
			}
		});

		assertThat(titles).containsExactly(entry(this.alice, List.of("a1", "a2")),
				entry(this.bob, List.of("b1", "b2")));
	}

	@Test
	void passesOverTheTasksOfUsersNobodyAsksFor() {
		List<String> titles = new ArrayList<>();

		this.lists.readByUserIdBetween(this.alice, this.carol, (cursor) -> {
			cursor.tasksOf(this.bob).forEach((task) -> titles.add(((TaskView) task).title()));
			cursor.tasksOf(this.carol).forEach((task) -> titles.add(((TaskView) task).title()));
		});

		assertThat(titles).containsExactly("b1", "b2", "c1");
	}

	@Test
	void readsEveryFieldOfATaskAsTheEntityQueriesDo() {
		List<TaskView> read = new ArrayList<>();
		this.lists.readByUserIdBetween(this.alice, this.alice,
				(cursor) -> cursor.tasksOf(this.alice).forEach((task) -> read.add((TaskView) task)));

		TaskView a1 = read.get(0);
		assertThat(a1.title()).isEqualTo("a1");
		assertThat(a1.completed()).isTrue();
		assertThat(a1.userId()).isEqualTo(this.alice);
		assertThat(a1.createdAt()).isNotNull();
		assertThat(a1.updatedAt()).isNotNull();
		assertThat(this.tasks.findRowById(a1.id()).map(TaskRow::view)).contains(a1);
	}

	@Test
	void pagesAfterAnIdWithALimit() {
		List<Long> all = this.tasks.findByIdGreaterThanOrderByIdAsc(0, Limit.of(100))
			.stream()
			.map(TaskView::id)
			.toList();

		List<TaskView> page = this.tasks.findByIdGreaterThanOrderByIdAsc(all.get(1), Limit.of(2));

		assertThat(all).hasSize(5).isSorted();
		assertThat(page).extracting(TaskView::id).containsExactly(all.get(2), all.get(3));
	}

	@Test
	void filtersByUserAndCompleted() {
		assertThat(this.tasks.findByUserIdAndCompletedAndIdGreaterThanOrderByIdAsc(this.bob, true, 0, Limit.of(10)))
			.extracting(TaskView::title)
			.containsExactly("b2");
		assertThat(this.tasks.findByCompletedAndIdGreaterThanOrderByIdAsc(false, 0, Limit.of(10)))
			.extracting(TaskView::title)
			.containsExactly("b1", "c1", "a2");
		assertThat(this.tasks.findByUserIdAndIdGreaterThanOrderByIdAsc(this.alice, 0, Limit.of(1)))
			.extracting(TaskView::title)
			.containsExactly("a1");
	}

	private long user(String name) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into users (username, password_hash, created_at, updated_at) values (?, 'h', ?, ?)",
				name, now, now);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, name);
	}

	private void task(long userId, String title, boolean completed) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into tasks (title, completed, user_id, created_at, updated_at) values (?, ?, ?, ?, ?)",
				title, completed, userId, now, now);
	}

}
