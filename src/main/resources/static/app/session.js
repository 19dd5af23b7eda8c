// Who is signed in: the access token, the user's id and username.
//
// Kept in memory and in sessionStorage only, so that a reload keeps you signed in
// but closing the tab ends it. Never in localStorage (it would outlive the tab) and
// never in a cookie (the browser would send it by itself, to every request).

const KEY = 'users-tasks.session';

let current = restore();

function restore() {
	try {
		const saved = JSON.parse(sessionStorage.getItem(KEY));
		return saved && typeof saved.token === 'string' ? saved : null;
	} catch {
		return null;
	}
}

export const session = {
	get token() {
		return current?.token ?? null;
	},
	get userId() {
		return current?.userId ?? null;
	},
	get username() {
		return current?.username ?? null;
	},
	start(token, userId, username) {
		current = { token, userId, username };
		sessionStorage.setItem(KEY, JSON.stringify(current));
	},
	end() {
		current = null;
		sessionStorage.removeItem(KEY);
	},
};
