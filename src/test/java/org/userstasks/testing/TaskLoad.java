package org.userstasks.testing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writers that post tasks to one user in a loop and remember which were acknowledged
 * (201, with the id the service gave). A writer stops at its first connection error,
 * which is how it notices that the service has gone.
 */
public final class TaskLoad implements AutoCloseable {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private static final Duration LONGEST = Duration.ofSeconds(120);

	private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

	private final List<String> otherResponses = new CopyOnWriteArrayList<>();

	private final ExecutorService pool;

	private volatile boolean stopped;

	private TaskLoad(int writers) {
		this.pool = Executors.newFixedThreadPool(writers);
	}

	public static TaskLoad start(Http http, long userId, int writers) {
		TaskLoad load = new TaskLoad(writers);
		long deadline = System.nanoTime() + LONGEST.toNanos();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			load.pool.submit(() -> load.write(http, "/users/" + userId + "/tasks", writer, deadline));
		}
		return load;
	}

	private void write(Http http, String path, int writer, long deadline) {
		for (int i = 0; !this.stopped && System.nanoTime() < deadline; i++) {
			String title = "writer " + writer + " task " + i;
			HttpResponse<String> response;
			try {
				response = http.post(path, "{\"title\":\"" + title + "\"}");
			}
			catch (IOException ex) {
				return;
			}
			if (response.statusCode() == 201) {
				Matcher id = ID.matcher(response.body());
				if (id.find()) {
					this.acknowledged.put(Long.parseLong(id.group(1)), title);
					continue;
				}
			}
			this.otherResponses.add(response.statusCode() + " " + response.body());
		}
	}

	/**
	 * Waits until at least {@code count} tasks were acknowledged.
	 */
	public void awaitAcknowledged(int count) throws InterruptedException {
		long deadline = System.nanoTime() + LONGEST.toNanos();
		while (this.acknowledged.size() < count) {
			if (System.nanoTime() > deadline || this.pool.isTerminated()) {
				throw new IllegalStateException("only " + this.acknowledged.size() + " tasks were acknowledged; "
						+ "other responses: " + this.otherResponses);
			}
			Thread.sleep(10);
		}
	}

	/**
	 * Waits for every writer to end (they end on their own once the service is gone).
	 */
	public void awaitWriters() throws InterruptedException {
		this.pool.shutdown();
		if (!this.pool.awaitTermination(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("writers still running");
		}
	}

	/**
	 * Every task that got a 201, by id, with its title.
	 */
	public Map<Long, String> acknowledged() {
		return Map.copyOf(this.acknowledged);
	}

	/**
	 * Every response that was not a 201, as status and body.
	 */
	public List<String> otherResponses() {
		return List.copyOf(this.otherResponses);
	}

	@Override
	public void close() {
		this.stopped = true;
		this.pool.shutdownNow();
	}

}
