package org.userstasks.web;

import java.io.IOException;

/**
 * A request body went past {@link BodySizeLimit#MAX_BYTES} while it was read.
 */
class PayloadTooLarge extends IOException {

	PayloadTooLarge() {
		super(Problems.TOO_LARGE);
	}

}
