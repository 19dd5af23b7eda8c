package org.userstasks.web;

/**
 * A request body gave {@code null} for a property; {@code null} is never a valid value.
 */
class NullProperty extends RuntimeException {

	private final String field;

	NullProperty(String field) {
		super(field + " must not be null", null, false, false);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
