package org.userstasks.ops;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * Tomcat's request threads: few ({@code server.tomcat.threads.max}, 8), so that on a
 * small machine the busy requests leave the JIT compiler a share of the cores, and more
 * only while every one of them is stuck. A request waiting for a database lock (up to 10
 * s) holds its thread, and eight such waits would stop every other request, reads
 * included; so when all threads are busy, requests are queued and none has finished for
 * {@value #STALL_MS} ms, the pool grows by its base size (up to {@value #MAX_THREADS}),
 * and shrinks back once the stall is over.
 */
@Component
class RequestThreads implements TomcatProtocolHandlerCustomizer<ProtocolHandler>, DisposableBean {

	static final int MAX_THREADS = 64;

	static final long STALL_MS = 250;

	private static final long CHECK_MS = 50;

	private static final Logger log = LoggerFactory.getLogger(RequestThreads.class);

	private final int base;

	private final ThreadPoolExecutor executor;

	private final ScheduledExecutorService watchdog;

	private long lastCompleted;

	private long stalledSince;

	private long idleSince;

	RequestThreads(@Value("${server.tomcat.threads.max:8}") int base) {
		this.base = base;
		TaskQueue queue = new TaskQueue();
		this.executor = new ThreadPoolExecutor(base, base, 60, TimeUnit.SECONDS, queue,
				new TaskThreadFactory("http-exec-", true, Thread.NORM_PRIORITY));
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
	 * One look at the pool: grows it when stalled, shrinks it back after a quiet while.
	 */
	synchronized void check() {
		long now = System.nanoTime();
		long completed = this.executor.getCompletedTaskCount();
		int size = this.executor.getMaximumPoolSize();
		boolean saturated = this.executor.getActiveCount() >= size && !this.executor.getQueue().isEmpty();
		if (!saturated || completed != this.lastCompleted) {
			this.stalledSince = now;
		}
		this.lastCompleted = completed;
		if (now - this.stalledSince >= TimeUnit.MILLISECONDS.toNanos(STALL_MS) && size < MAX_THREADS) {
			resize(Math.min(MAX_THREADS, size + this.base));
			this.stalledSince = now;
		}
		if (size == this.base || this.executor.getActiveCount() >= this.base) {
			this.idleSince = now;
		}
		else if (now - this.idleSince >= TimeUnit.SECONDS.toNanos(10)) {
			resize(this.base);
		}
	}

	private void resize(int size) {
		if (size > this.executor.getMaximumPoolSize()) {
			log.warn(
					"All {} request threads have been busy for {} ms without finishing a request"
							+ " (waiting for the database?): {} threads for now",
					this.executor.getMaximumPoolSize(), STALL_MS, size);
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
