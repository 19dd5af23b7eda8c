package org.userstasks.page;

import java.nio.file.Path;

/**
 * The screenshots of one test, numbered in the order they were taken, whoever took them:
 * {@code <nn>-<person>-<step>.png}.
 */
final class Screenshots {

	private final Path directory;

	private int taken;

	Screenshots(Path directory) {
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
	}

	synchronized Path next(String person, String step) {
		return this.directory.resolve(String.format("%02d-%s-%s.png", ++this.taken, person, step));
	}

}
