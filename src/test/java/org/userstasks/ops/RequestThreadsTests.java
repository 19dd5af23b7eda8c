package org.userstasks.ops;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestThreadsTests {

	private final RequestThreads threads = new RequestThreads(2);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.threads.destroy();
	}

	@Test
	void aRequestQueuedBehindThreadsThatAreAllStuckIsServedByAnAddedThread() throws Exception {
		// given both threads wait (as for a database lock)
		CountDownLatch stuck = new CountDownLatch(2);
		for (int i = 0; i < 2; i++) {
			this.threads.executor().execute(() -> {
				stuck.countDown();
				awaitRelease();
			});
		}
		assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();

		// when another request comes
		CountDownLatch served = new CountDownLatch(1);
		this.threads.executor().execute(served::countDown);

		// then it is served long before the stuck ones let go, by a grown pool
		assertThat(served.await(5, TimeUnit.SECONDS)).as("served while both threads are stuck").isTrue();
		assertThat(this.threads.executor().getMaximumPoolSize()).isEqualTo(4);
	}

	@Test
	void threadsWorkingSlowlyDoNotGrowThePool() throws Exception {
		// given both threads compute for several windows (as cold, interpreted requests
		// do)
		// with more requests queued behind them
		CountDownLatch done = new CountDownLatch(4);
		for (int i = 0; i < 4; i++) {
			this.threads.executor().execute(() -> {
				spin(3 * RequestThreads.STALL_MS);
				done.countDown();
			});
		}

		// then they are served by the two threads alone
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.threads.executor().getMaximumPoolSize()).isEqualTo(2);
	}

	private void awaitRelease() {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void spin(long millis) {
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (System.nanoTime() < until) {
			Thread.onSpinWait();
		}
	}

}
