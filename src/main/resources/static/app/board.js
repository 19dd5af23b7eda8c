// The board: a section per user, headed by the username, with the user's tasks.
// Only the signed-in user's own tasks get controls to change them; everyone else's
// show their state (a disabled checkbox) and nothing more.

const usersBox = document.getElementById('users');
const userTemplate = document.getElementById('user-template');
const ownTemplate = document.getElementById('own-template');
const ownFooterTemplate = document.getElementById('own-footer-template');
const taskTemplate = document.getElementById('task-template');

// Each task as the page shows it (id → task), to tell when it changed elsewhere.
const shown = new Map();

export function clearBoard() {
	usersBox.replaceChildren();
	shown.clear();
}

/** Adds a user's section at the end of the board and returns it. */
export function addUser(user, mine) {
	const section = userTemplate.content.firstElementChild.cloneNode(true);
	section.id = `user-${user.id}`;
	const heading = section.querySelector('.user-name');
	heading.id = `user-${user.id}-name`;
	heading.tabIndex = -1;
	heading.textContent = user.username;
	section.setAttribute('aria-labelledby', heading.id);
	if (mine) {
		section.classList.add('mine');
		heading.after(ownTemplate.content.cloneNode(true));
		section.append(ownFooterTemplate.content.cloneNode(true));
	}
	usersBox.append(section);
	for (const task of user.tasks ?? []) {
		section.querySelector('.tasks').append(taskElement(task, mine));
	}
	updateEmpty(section);
	return section;
}

export function shownTask(id) {
	return shown.get(id);
}

export function taskItem(id) {
	return document.getElementById(`task-${id}`);
}

/** Shows a task that was just created, under its user if the board shows them. */
export function appendTask(task) {
	const section = document.getElementById(`user-${task.userId}`);
	if (section) {
		section.querySelector('.tasks').append(taskElement(task, section.classList.contains('mine')));
		updateEmpty(section);
	}
}

/** Shows a task's new state, under its (possibly new) user. */
export function updateTask(task) {
	const item = taskItem(task.id);
	if (item && item.closest('.user').id === `user-${task.userId}`) {
		fill(item, task);
		return;
	}
	removeTask(task.id);
	appendTask(task);
}

export function removeTask(id) {
	const item = taskItem(id);
	shown.delete(id);
	if (item) {
		const section = item.closest('.user');
		item.remove();
		updateEmpty(section);
	}
}

function taskElement(task, mine) {
	const item = taskTemplate.content.firstElementChild.cloneNode(true);
	const id = `task-${task.id}`;
	item.id = id;
	item.dataset.taskId = task.id;
	const box = item.querySelector('.task-done');
	box.id = `${id}-done`;
	const title = item.querySelector('.task-title');
	title.id = `${id}-title`;
	title.htmlFor = box.id;
	if (mine) {
		// "Delete", described by the task's title: a screen reader says which one.
		for (const button of item.querySelectorAll('.task-actions button')) {
			button.setAttribute('aria-describedby', title.id);
		}
		const input = item.querySelector('.rename-input');
		input.id = `${id}-rename`;
		item.querySelector('.rename-label').htmlFor = input.id;
		const error = item.querySelector('.rename-form .field-error');
		error.id = `${id}-rename-error`;
		input.setAttribute('aria-describedby', error.id);
	} else {
		box.disabled = true;
		item.querySelector('.task-actions').remove();
		item.querySelector('.rename-form').remove();
	}
	fill(item, task);
	return item;
}

function fill(item, task) {
	shown.set(task.id, task);
	item.querySelector('.task-done').checked = task.completed;
	item.querySelector('.task-title').textContent = task.title;
	item.classList.toggle('done', task.completed);
}

function updateEmpty(section) {
	section.querySelector('.no-tasks').hidden = section.querySelector('.task') !== null;
}
