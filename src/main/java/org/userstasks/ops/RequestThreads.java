package org.userstasks.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's request threads: few ({@code server.tomcat.threads.max}, 4), so that on a
 * small machine the busy requests leave the JIT compiler a share of the cores, and more
 * only while some of them are stuck. A request waiting for a database lock (up to 10 s)
 * holds its thread, and four such waits would stop every other request, reads included.
 * So when every thread is busy and requests are queued, a thread that has used almost no
 * CPU for {@value #STALL_MS} ms is taken as stuck (waiting for the database, not working
 * slowly: a cold, interpreted request still uses the CPU), and the pool grows by one
 * thread for each (up to {@value #MAX_THREADS}); it shrinks back once no request has been
 * queued for 10 s.
 */
@Component
class RequestThreads implements TomcatProtocolHandlerCustomizer<ProtocolHandler>, DisposableBean {

	static final int MAX_THREADS = 64;

	static final long STALL_MS = 1000;

	// Less CPU than this over STALL_MS: waiting. A working thread gets far more, even on
	// a machine busy with other work, and so does one that waits its turn for a lock
	// inside the process (class loading, a log appender) while the JIT is still cold:
	// with 250 ms and 2 ms, such threads counted as stuck in the first seconds under
	// load.
	private static final long STUCK_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long CHECK_MS = 50;

	private static final Logger log = LoggerFactory.getLogger(RequestThreads.class);

	private final int base;

	private final ThreadPoolExecutor executor;

	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

	private final ScheduledExecutorService watchdog;

	private final Map<Thread, Long> cpuAtWindowStart = new HashMap<>();

	private long windowStart = System.nanoTime();

	private long lastQueued = System.nanoTime();

	RequestThreads(@Value("${server.tomcat.threads.max:4}") int base) {
		this.base = base;
		TaskQueue queue = new TaskQueue();
		ThreadFactory tomcat = new TaskThreadFactory("http-exec-", true, Thread.NORM_PRIORITY);
		this.executor = new ThreadPoolExecutor(base, base, 60, TimeUnit.SECONDS, queue, (task) -> {
			Thread thread = tomcat.newThread(task);
			this.threads.add(thread);
			return thread;
		});
		queue.setParent(this.executor);
		this.watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "http-exec-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog.scheduleWithFixedDelay(this::check, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
	}

	@Override
	public void customize(ProtocolHandler protocolHandler) {
		if (protocolHandler instanceof AbstractProtocol<?> protocol) {
			protocol.setExecutor(this.executor);
		}
	}

	ThreadPoolExecutor executor() {
		return this.executor;
	}

	/**
	 * One look at the pool: grows it when threads are stuck, shrinks it back after a
	 * quiet while.
	 */
	synchronized void check() {
		long now = System.nanoTime();
		this.threads.removeIf((thread) -> !thread.isAlive());
		int size = this.executor.getMaximumPoolSize();
		boolean queued = !this.executor.getQueue().isEmpty();
		if (queued) {
			this.lastQueued = now;
		}
		boolean saturated = queued && this.executor.getActiveCount() >= size;
		if (!saturated) {
			startWindow(now);
		}
		else if (now - this.windowStart >= TimeUnit.MILLISECONDS.toNanos(STALL_MS)) {
			int stuck = 0;
			for (Thread thread : this.threads) {
				Long before = this.cpuAtWindowStart.get(thread);
				if (before != null && this.cpu.getThreadCpuTime(thread.getId()) - before < STUCK_CPU_NANOS) {
					stuck++;
				}
			}
			if (stuck > 0 && size < MAX_THREADS) {
				resize(Math.min(MAX_THREADS, size + stuck), stuck);
			}
			startWindow(now);
		}
		if (size > this.base && now - this.lastQueued >= TimeUnit.SECONDS.toNanos(10)) {
			resize(this.base, 0);
		}
	}

	private void startWindow(long now) {
		this.windowStart = now;
		this.cpuAtWindowStart.clear();
		for (Thread thread : this.threads) {
			this.cpuAtWindowStart.put(thread, this.cpu.getThreadCpuTime(thread.getId()));
		}
	}

	private void resize(int size, int stuck) {
		if (size > this.executor.getMaximumPoolSize()) {
			log.warn("{} of {} request threads have waited for {} ms with requests queued (for the database?):"
					+ " {} threads for now", stuck, this.executor.getMaximumPoolSize(), STALL_MS, size);
			this.executor.setMaximumPoolSize(size);
			this.executor.setCorePoolSize(size);
		}
		else {
			this.executor.setCorePoolSize(size);
			this.executor.setMaximumPoolSize(size);
		}
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
		this.executor.shutdown();
	}

}
