package org.userstasks.web;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.userstasks.jpa.VersionCondition;

/**
 * Responses that carry the strong {@code ETag} of the one resource they show, made from
 * its revision.
 */
public final class ConditionalResponses {

	/**
	 * How the OpenAPI document describes the headers of conditional requests.
	 */
	public static final String ETAG_DESCRIPTION = "Strong entity tag of this representation; it changes whenever "
			+ "the resource's own fields change. Send it back in If-None-Match or If-Match.";

	public static final String IF_NONE_MATCH_DESCRIPTION = "Entity tags the client holds (or *): when one names the "
			+ "current representation (weak comparison) the answer is 304 Not Modified, without a body";

	public static final String IF_MATCH_DESCRIPTION = "Change only if the resource is still at this ETag (or at one of "
			+ "a comma-separated list, or * for any; strong comparison, a weak tag never matches); otherwise 412 and "
			+ "nothing is changed";

	private ConditionalResponses() {
	}

	/**
	 * The versions an {@code If-Match} accepts: any without one or with {@code *}; else
	 * those of its strong tags (a weak tag never matches). A malformed header is a 400.
	 */
	public static VersionCondition ifMatch(@Nullable String header) {
		return EntityTags.parse(HttpHeaders.IF_MATCH, header)
			.filter((tags) -> !tags.isAny())
			.map((tags) -> VersionCondition.oneOf(tags.strongRevisions()))
			.orElse(VersionCondition.none());
	}

	/**
	 * A 200 with the body and its tag; or, when {@code If-None-Match} names the tag (weak
	 * comparison, or {@code *}), a 304 with the tag and no body.
	 */
	public static <T> ResponseEntity<T> read(Optional<EntityTags> ifNoneMatch, long revision, T body) {
		String tag = EntityTags.of(revision);
		if (ifNoneMatch.isPresent() && ifNoneMatch.get().matchesWeakly(tag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
		}
		return ResponseEntity.ok().eTag(tag).body(body);
	}

	public static <T> ResponseEntity<T> ok(long revision, T body) {
		return ResponseEntity.ok().eTag(EntityTags.of(revision)).body(body);
	}

	public static <T> ResponseEntity<T> created(URI location, long revision, T body) {
		return ResponseEntity.created(location).eTag(EntityTags.of(revision)).body(body);
	}

}
