package org.userstasks.web;

import java.util.List;

/**
 * A request body gave {@code null} for one or more properties; {@code null} is never a
 * valid value.
 */
class NullProperty extends RuntimeException {

	private final List<String> fields;

	NullProperty(List<String> fields) {
		super(String.join(", ", fields) + " must not be null", null, false, false);
		this.fields = List.copyOf(fields);
	}

	List<String> fields() {
		return this.fields;
	}

}
