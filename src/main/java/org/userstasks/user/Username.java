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
 * A username, as its body holds it after trimming: 1 to 50 characters, ASCII letters,
 * digits, {@code .}, {@code _} and {@code -}. Each broken rule is its own message
 * (several join into the field's one {@code errors} entry); an absent value is left to
 * {@code @Required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Constraint(validatedBy = {})
@Size(min = 1, max = 50, message = "must be 1 to 50 characters after trimming")
// Empty is left to @Size, so a blank username gets one clear message.
@Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only ASCII letters, digits, '.', '_' and '-'")
public @interface Username {

	// Not shown: each composing constraint reports with its own message.
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
