// Where the page tells people things: errors in the alert, news in the status line,
// and a field's own error next to the field.

const alertBox = document.getElementById('alert');
const noticeBox = document.getElementById('notice');

export function showError(text) {
	noticeBox.textContent = '';
	alertBox.textContent = text;
}

export function showNotice(text) {
	alertBox.textContent = '';
	noticeBox.textContent = text;
}

export function clearMessages() {
	alertBox.textContent = '';
	noticeBox.textContent = '';
}

/** Shows message next to input (in the element its aria-describedby names), or clears it. */
export function setFieldError(input, message) {
	const box = document.getElementById(input.getAttribute('aria-describedby'));
	box.textContent = message ?? '';
	if (message) {
		input.setAttribute('aria-invalid', 'true');
	} else {
		input.removeAttribute('aria-invalid');
	}
}

/**
 * Puts each of the problem's field errors next to its input ({ field: input }), and
 * moves the focus to the first bad one. Returns whether any was shown.
 */
export function showFieldErrors(error, inputs) {
	let first = null;
	for (const [field, input] of Object.entries(inputs)) {
		const message = error.fieldErrors?.[field];
		setFieldError(input, message);
		if (message && !first) {
			first = input;
		}
	}
	first?.focus();
	return first !== null;
}

/** What to tell a person about an error of the API. */
export function describe(error) {
	if (error.status === 429 && error.retryAfter) {
		return `${error.message} Try again in ${error.retryAfter} seconds.`;
	}
	return error.message;
}

let unauthorized = () => {};

/** What to do when the service no longer accepts the token (expired, revoked). */
export function onUnauthorized(handler) {
	unauthorized = handler;
}

/** Tells a person about an error: a 401 ends the session, anything else is shown. */
export function report(error) {
	if (error.status === 401) {
		unauthorized();
	} else {
		showError(describe(error));
	}
}
