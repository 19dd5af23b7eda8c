package org.userstasks.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs calls at the same moment: each waits on one latch that opens when all are
 * submitted, on a bounded pool.
 */
public final class Race {

	public static final int THREADS = 16;

	private Race() {
	}

	/**
	 * Runs {@code count} calls, the i-th being {@code call.apply(i)}, all released
	 * together (as many at a time as there are threads), and returns their results in
	 * order.
	 */
	public static <T> List<T> run(int count, IntFunction<Attempt<T>> call) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, count));
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Attempt<T> attempt = call.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (ExecutionException ex) {
			throw new AssertionError("a racing call failed", ex.getCause());
		}
		catch (Exception ex) {
			throw new AssertionError("the race did not finish", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * One call of a race; it may throw, which fails the race.
	 */
	@FunctionalInterface
	public interface Attempt<T> {

		T call() throws Exception;

	}

}
