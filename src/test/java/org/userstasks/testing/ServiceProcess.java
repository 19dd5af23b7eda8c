package org.userstasks.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/*.jar}, built before the integration tests run)
 * started as a separate process in a working directory of its own, so that it keeps its
 * data where application.properties says ({@code ./data}), with the settings it ships
 * with. Its output goes to {@code service.log} in that directory.
 */
public final class ServiceProcess implements AutoCloseable {

	public static final Path JAR = Path.of("target", "users-tasks-1.0.0-SNAPSHOT.jar");

	/** The exit status of a JVM killed by SIGKILL (128 + 9). */
	public static final int KILLED = 137;

	/** The exit status of a JVM that ran its shutdown hooks on SIGTERM (128 + 15). */
	public static final int TERMINATED = 143;

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	// Generous: on a busy two-core machine a start has taken over a minute.
	private static final Duration STARTUP = Duration.ofSeconds(180);

	private final Process process;

	private final Path log;

	private final int port;

	private ServiceProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the service in {@code directory} on a free loopback port and returns once it
	 * answers.
	 */
	public static ServiceProcess start(Path directory, String... arguments) throws IOException, InterruptedException {
		return start(directory, List.of(), arguments);
	}

	/**
	 * Starts the service as {@link #start(Path, String...)} does, with JVM options added
	 * after the defaults (so that, for example, an {@code -Xmx} of their own wins).
	 */
	public static ServiceProcess start(Path directory, List<String> jvmOptions, String... arguments)
			throws IOException, InterruptedException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: run the integration tests with 'mvnw verify'");
		}
		Path log = directory.resolve("service.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command
			.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--server.port=0", "--server.address=127.0.0.1"));
		command.addAll(List.of(arguments));
		Files.deleteIfExists(log);
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		ServiceProcess service = new ServiceProcess(process, log, 0);
		try {
			return new ServiceProcess(process, log, service.awaitPort());
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			service.close();
			throw ex;
		}
	}

	private int awaitPort() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			Matcher started = STARTED.matcher(output());
			if (started.find()) {
				return Integer.parseInt(started.group(1));
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the service exited with " + this.process.exitValue() + ":\n" + tail());
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the service did not start within " + STARTUP + ":\n" + tail());
	}

	public int port() {
		return this.port;
	}

	/**
	 * SIGKILL: the process ends at once, running no shutdown hook and flushing nothing.
	 */
	public int kill() throws InterruptedException {
		this.process.destroyForcibly();
		return awaitExit();
	}

	/**
	 * SIGTERM: the service shuts down gracefully.
	 */
	public int terminate() throws InterruptedException {
		this.process.destroy();
		return awaitExit();
	}

	private int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("the service did not exit within 60 s");
		}
		return this.process.exitValue();
	}

	public String output() throws IOException {
		return Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
	}

	/**
	 * The last lines of the service's output, for failure messages.
	 */
	public String tail() {
		try {
			String output = output();
			return output.substring(Math.max(0, output.length() - 6000));
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

}
