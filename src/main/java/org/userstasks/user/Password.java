package org.userstasks.user;

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
 * A password: 8 to 128 characters, none of them half of a surrogate pair. Each broken
 * rule is its own message; an absent value is left to {@code @Required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Constraint(validatedBy = {})
@Size(min = 8, max = 128, message = "must be 8 to 128 characters")
// A password is hashed from its UTF-8 bytes, and an unpaired surrogate (half of a pair,
// sent alone as a JSON escape) has none: the hasher failed on it.
@Pattern(regexp = "[^\\p{Cs}]*", message = "must not contain unpaired surrogates")
public @interface Password {

	// Not shown: each composing constraint reports with its own message.
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
