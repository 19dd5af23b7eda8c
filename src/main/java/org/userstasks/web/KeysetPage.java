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
	 * repeats the request's parameters when more follow.
	 */
	public <T> ResponseEntity<List<T>> respond(List<T> fetched, ToLongFunction<T> id) {
		if (fetched.size() <= this.limit) {
			return ResponseEntity.ok(fetched);
		}
		List<T> page = fetched.subList(0, this.limit);
		String next = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("after", id.applyAsLong(page.get(this.limit - 1)))
			.build()
			.toUriString();
		return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page);
	}

}
