package org.userstasks.web;

import java.util.List;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page of a list ordered by id: at most {@code limit} items with an id greater than
 * {@code after}. One extra row is fetched to learn whether a next page exists.
 */
public record KeysetPage(int limit, long after) {

	static final int DEFAULT_LIMIT = 100;

	public static KeysetPage of(@Nullable Integer limit, @Nullable Long after) {
		return new KeysetPage((limit != null) ? limit : DEFAULT_LIMIT, (after != null) ? after : 0);
	}

	public int fetchSize() {
		return this.limit + 1;
	}

	/**
	 * The first {@code limit} of the fetched items, with a {@code Link rel="next"} that
	 * repeats the request's parameters when more follow:
	 * {@code </tasks?completed=false&limit=1&after=1>; rel="next"}.
	 */
	public <T> ResponseEntity<List<T>> respond(List<T> fetched, ToLongFunction<T> id) {
		if (fetched.size() <= this.limit) {
			return ResponseEntity.ok(fetched);
		}
		List<T> page = fetched.subList(0, this.limit);
		// A relative reference (RFC 8288 section 3.2): the client resolves it against the
		// URL it sent, so it stays right behind a proxy that changes the host or scheme.
		String next = ServletUriComponentsBuilder.fromCurrentRequest()
			.scheme(null)
			.host(null)
			.port(null)
			.replaceQueryParam("after", id.applyAsLong(page.get(this.limit - 1)))
			.build()
			.toUriString();
		return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page);
	}

}
