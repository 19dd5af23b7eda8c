package org.userstasks.kernel;

/**
 * A conditional write found its row at a version it did not accept: someone changed the
 * row since the caller read it. Nothing was changed.
 */
public class VersionMismatch extends RuntimeException {

	public VersionMismatch(String what, long id) {
		super(what + " " + id + " is not at the version given", null, false, false);
	}

}
