// The service's HTTP API as a browser calls it: JSON bodies, a bearer token,
// problem+json errors (RFC 9457), paging by the Link header (RFC 8288) and
// ETags with If-Match against lost updates.

import { session } from './session.js';

/** An answer other than 2xx, with the problem the service sent. */
export class ApiError extends Error {
	constructor(status, problem, retryAfter = null) {
		super(problem.detail || problem.title || `HTTP ${status}`);
		this.status = status;
		this.problem = problem;
		this.retryAfter = retryAfter;
		// One entry per bad field: { title: 'must not be blank' }
		this.fieldErrors = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
	}
}

/**
 * Sends one request and returns { data, etag, next }: the JSON body (null for 204),
 * the ETag header and the URL of the next page, if any. Throws an ApiError otherwise.
 */
export async function request(method, path, { body, etag } = {}) {
	const url = sameOrigin(path);
	const headers = { Accept: 'application/json, application/problem+json' };
	if (session.token) {
		headers.Authorization = `Bearer ${session.token}`;
	}
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	if (etag) {
		headers['If-Match'] = etag;
	}
	let response;
	try {
		response = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: 'omit', // the token is the only credential; there are no cookies
			cache: 'no-store',
		});
	} catch {
		throw new ApiError(0, { title: 'Network error', detail: 'The service could not be reached. Try again.' });
	}
	if (!response.ok) {
		throw new ApiError(response.status, await problemOf(response), response.headers.get('Retry-After'));
	}
	return {
		data: response.status === 204 ? null : await response.json(),
		etag: response.headers.get('ETag'),
		next: nextLink(response.headers.get('Link')),
	};
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, { body });
export const patch = (path, body, etag) => request('PATCH', path, { body, etag });
export const del = (path, etag) => request('DELETE', path, { etag });

async function problemOf(response) {
	const type = response.headers.get('Content-Type') ?? '';
	if (type.includes('json')) {
		try {
			return await response.json();
		} catch {
			// fall through: a body that is not the JSON it claims to be
		}
	}
	return { title: response.statusText, detail: `The service answered ${response.status}.` };
}

/**
 * The target of Link: <…>; rel="next", or null. The service may send it absolute or
 * relative (</users?include=tasks&after=100>); either resolves against the page's URL.
 */
export function nextLink(header) {
	if (!header) {
		return null;
	}
	for (const [, target, params] of header.matchAll(/<([^>]*)>([^,]*)/g)) {
		const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(params);
		if (rel && (rel[1] ?? rel[2]).toLowerCase().split(/\s+/).includes('next')) {
			return new URL(target, window.location.href).href;
		}
	}
	return null;
}

// The token goes to the service that issued it and nowhere else, whatever a Link
// header says.
function sameOrigin(path) {
	const url = new URL(path, window.location.href);
	if (url.origin !== window.location.origin) {
		throw new ApiError(0, { title: 'Refused', detail: `Not sending a request to ${url.origin}.` });
	}
	return url.href;
}
