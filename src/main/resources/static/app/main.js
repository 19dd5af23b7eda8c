// The page: sign in (or sign up, then sign in), the board of every user with their
// tasks, page by page, and sign out or delete your account.

import * as api from './api.js';
import * as board from './board.js';
import { session } from './session.js';
import * as tasks from './tasks.js';
import { clearMessages, describe, onUnauthorized, report, setFieldError, showError, showFieldErrors, showNotice }
	from './messages.js';

const signInSection = document.getElementById('sign-in');
const form = document.getElementById('sign-in-form');
const username = form.elements.username;
const password = form.elements.password;
const boardSection = document.getElementById('board');
const usersBox = document.getElementById('users');
const loadMore = document.getElementById('load-more');
const who = document.getElementById('who');
const whoName = document.getElementById('who-name');
const confirmDelete = document.getElementById('confirm-delete');

let nextPage = null;

function showSignIn() {
	board.clearBoard();
	boardSection.hidden = true;
	who.hidden = true;
	signInSection.hidden = false;
	username.focus();
}

async function showBoard({ focus }) {
	signInSection.hidden = true;
	boardSection.hidden = false;
	who.hidden = false;
	whoName.textContent = session.username;
	await loadBoard();
	if (focus) {
		document.getElementById('board-title').focus();
	}
}

// Your own section first, with its controls; then everyone else, a page at a time.
async function loadBoard() {
	tasks.forgetEtags();
	board.clearBoard();
	loadMore.hidden = true;
	boardSection.setAttribute('aria-busy', 'true');
	try {
		const me = await api.get(`/users/${session.userId}?include=tasks`);
		board.addUser(me.data, true);
		whoName.textContent = me.data.username;
		await loadPage('/users?include=tasks');
	} catch (error) {
		report(error);
	} finally {
		boardSection.removeAttribute('aria-busy');
	}
}

async function loadPage(url) {
	const { data, next } = await api.get(url);
	const added = data.filter((user) => user.id !== session.userId).map((user) => board.addUser(user, false));
	nextPage = next;
	loadMore.hidden = next === null;
	return added;
}

// Signing in never sends the old token: an expired one would make the request a 401.
form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const signUp = event.submitter?.value === 'sign-up';
	const credentials = { username: username.value, password: password.value };
	clearMessages();
	setFieldError(username, null);
	setFieldError(password, null);
	form.setAttribute('aria-busy', 'true');
	try {
		session.end();
		if (signUp) {
			await api.post('/users', credentials);
		}
		const { data } = await api.post('/tokens', credentials);
		session.start(data.accessToken, data.userId, credentials.username.trim());
		form.reset();
		await showBoard({ focus: true });
	} catch (error) {
		if (error.status === 409) {
			setFieldError(username, error.message); // the username is taken
			username.focus();
		} else {
			showFieldErrors(error, { username, password });
		}
		showError(describe(error));
	} finally {
		form.removeAttribute('aria-busy');
	}
});

document.getElementById('sign-out').addEventListener('click', async () => {
	try {
		await api.del('/tokens/current');
	} catch {
		// Signed out either way: the token is forgotten below.
	}
	session.end();
	showSignIn();
	showNotice('Signed out.');
});

document.getElementById('refresh').addEventListener('click', () => {
	clearMessages();
	loadBoard();
});

loadMore.addEventListener('click', async () => {
	clearMessages();
	try {
		const added = await loadPage(nextPage);
		// The focus goes where the new users start, and they are scrolled into view.
		const first = added[0]?.querySelector('.user-name');
		first?.focus({ preventScroll: true });
		first?.scrollIntoView({ block: 'start' });
	} catch (error) {
		report(error);
	}
});

usersBox.addEventListener('click', (event) => {
	if (event.target.closest('.delete-account')) {
		confirmDelete.returnValue = '';
		confirmDelete.showModal();
	}
});

confirmDelete.addEventListener('close', async () => {
	if (confirmDelete.returnValue !== 'delete') {
		return;
	}
	clearMessages();
	try {
		await api.del(`/users/${session.userId}`);
		session.end();
		showSignIn();
		showNotice('Your account and its tasks were deleted.');
	} catch (error) {
		report(error);
	}
});

onUnauthorized(() => {
	session.end();
	showSignIn();
	showError('Your session has ended. Please sign in again.');
});

tasks.wire(usersBox);

if (session.token) {
	showBoard({ focus: false }); // a reload: still signed in, in this tab
}
