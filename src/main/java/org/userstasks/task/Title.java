package org.userstasks.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A task title, as its body holds it after trimming: 1 to 255 characters, no NUL, no half
 * of a surrogate pair. Each broken rule is its own message; an absent value is left to
 * {@code @Required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Constraint(validatedBy = {})
@Size(min = 1, max = 255, message = "must be 1 to 255 characters after trimming")
// PostgreSQL cannot store NUL in text, and its driver stores an unpaired surrogate (half
// of a pair, sent alone as a JSON escape) as '?', so the title saved would differ from
// the one answered. Refusing both everywhere keeps H2 the same. A whole pair (an emoji)
// is one code point to the pattern, not two surrogates.
@Pattern(regexp = "[^\\x00\\p{Cs}]*", message = "must not contain NUL characters or unpaired surrogates")
public @interface Title {

	// Not shown: each composing constraint reports with its own message.
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
