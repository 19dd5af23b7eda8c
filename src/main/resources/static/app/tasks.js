// What the signed-in user can do to their own tasks: add, tick or untick, rename
// and delete them, each change sent with If-Match so that it never overwrites a
// change made elsewhere (another tab, another device) that the page has not shown.

import * as api from './api.js';
import * as board from './board.js';
import { session } from './session.js';
import { clearMessages, describe, report, setFieldError, showError, showFieldErrors, showNotice } from './messages.js';

// The ETag of each task the page wrote or read on its own (id → ETag). The list with
// include=tasks carries none, so a change that starts without one reads the task
// first (GET /tasks/{id}), and goes ahead only if it is still what the page shows.
const etags = new Map();

/** Forgets every ETag: the board was reloaded, and shows newer states than they name. */
export function forgetEtags() {
	etags.clear();
}

class ChangedElsewhere extends Error {}

async function etagFor(id) {
	if (etags.has(id)) {
		return etags.get(id);
	}
	const seen = board.shownTask(id);
	const { data, etag } = await api.get(`/tasks/${id}`);
	etags.set(id, etag);
	if (!seen || data.updatedAt !== seen.updatedAt || data.title !== seen.title
			|| data.completed !== seen.completed || data.userId !== seen.userId) {
		board.updateTask(data);
		throw new ChangedElsewhere();
	}
	return etag;
}

function changedText(task) {
	return `“${task.title}” was changed elsewhere. This is its current state: make your change again if you still want it.`;
}

/** After a change failed: a 412 or a stale page shows the task as it is now. */
async function failed(error, id) {
	const task = board.shownTask(id);
	if (error instanceof ChangedElsewhere) {
		showError(changedText(task));
	} else if (error.status === 412) {
		etags.delete(id);
		try {
			const { data, etag } = await api.get(`/tasks/${id}`);
			etags.set(id, etag);
			board.updateTask(data);
			showError(changedText(data));
		} catch (again) {
			await failed(again, id);
		}
	} else if (error.status === 404) {
		board.removeTask(id);
		showError(`“${task?.title ?? 'The task'}” was deleted elsewhere.`);
	} else {
		if (task) {
			board.updateTask(task); // back to what the page knew, e.g. the checkbox
		}
		report(error);
	}
}

function idOf(element) {
	return Number(element.closest('.task').dataset.taskId);
}

// One change at a time per task: clicks while one is under way are ignored.
async function once(item, change) {
	if (item.getAttribute('aria-busy') === 'true') {
		return;
	}
	item.setAttribute('aria-busy', 'true');
	try {
		await change();
	} finally {
		item.removeAttribute('aria-busy');
	}
}

async function toggle(box) {
	const id = idOf(box);
	const completed = box.checked;
	clearMessages();
	try {
		const { data, etag } = await api.patch(`/tasks/${id}`, { completed }, await etagFor(id));
		etags.set(id, etag);
		board.updateTask(data);
		showNotice(`“${data.title}” is ${data.completed ? 'done' : 'not done'}.`);
	} catch (error) {
		await failed(error, id);
	}
}

async function startRename(item) {
	const id = idOf(item);
	clearMessages();
	try {
		await etagFor(id);
	} catch (error) {
		await failed(error, id);
		return;
	}
	const form = item.querySelector('.rename-form');
	const input = form.elements.title;
	input.value = board.shownTask(id).title;
	setFieldError(input, null);
	item.querySelector('.task-view').hidden = true;
	form.hidden = false;
	input.focus();
	input.select();
}

function endRename(item) {
	item.querySelector('.rename-form').hidden = true;
	item.querySelector('.task-view').hidden = false;
	item.querySelector('.rename').focus();
}

async function saveRename(form) {
	const item = form.closest('.task');
	const id = idOf(item);
	const input = form.elements.title;
	clearMessages();
	try {
		const { data, etag } = await api.patch(`/tasks/${id}`, { title: input.value }, await etagFor(id));
		etags.set(id, etag);
		board.updateTask(data);
		endRename(item);
		showNotice(`Renamed to “${data.title}”.`);
	} catch (error) {
		if (error.status === 400 && showFieldErrors(error, { title: input })) {
			showError(describe(error));
			return;
		}
		endRename(item);
		await failed(error, id);
	}
}

async function remove(item) {
	const id = idOf(item);
	const { title } = board.shownTask(id);
	clearMessages();
	try {
		await api.del(`/tasks/${id}`, await etagFor(id));
		etags.delete(id);
		// The focus goes to a neighbour, not to the page's start.
		const neighbour = item.nextElementSibling ?? item.previousElementSibling;
		(neighbour?.querySelector('.task-done') ?? document.getElementById('new-task')).focus();
		board.removeTask(id);
		showNotice(`Deleted “${title}”.`);
	} catch (error) {
		await failed(error, id);
	}
}

async function add(form) {
	const input = form.elements.title;
	clearMessages();
	setFieldError(input, null);
	try {
		const { data, etag } = await api.post(`/users/${session.userId}/tasks`, { title: input.value });
		etags.set(data.id, etag);
		board.appendTask(data);
		input.value = '';
		input.focus();
		showNotice(`Added “${data.title}”.`);
	} catch (error) {
		if (showFieldErrors(error, { title: input })) {
			showError(describe(error));
		} else {
			report(error);
		}
	}
}

/** Listens on the board for the controls of the user's own tasks. */
export function wire(usersBox) {
	usersBox.addEventListener('click', (event) => {
		const item = event.target.closest('.mine .task');
		if (item && event.target.matches('.task-done') && item.getAttribute('aria-busy') === 'true') {
			event.preventDefault(); // a tick while the last one is still being saved
		}
	});
	usersBox.addEventListener('change', (event) => {
		if (event.target.matches('.mine .task-done')) {
			const item = event.target.closest('.task');
			once(item, () => toggle(event.target));
		}
	});
	usersBox.addEventListener('click', (event) => {
		const button = event.target.closest('button');
		const item = button?.closest('.mine .task');
		if (!item) {
			return;
		}
		if (button.matches('.rename')) {
			once(item, () => startRename(item));
		} else if (button.matches('.delete')) {
			once(item, () => remove(item));
		} else if (button.matches('.cancel')) {
			endRename(item);
		}
	});
	usersBox.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && event.target.closest('.rename-form')) {
			endRename(event.target.closest('.task'));
		}
	});
	usersBox.addEventListener('submit', (event) => {
		event.preventDefault();
		const form = event.target;
		if (form.matches('.add-task')) {
			add(form);
		} else if (form.matches('.rename-form')) {
			const item = form.closest('.task');
			once(item, () => saveRename(form));
		}
	});
}
