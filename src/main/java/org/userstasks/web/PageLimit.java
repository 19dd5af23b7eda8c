package org.userstasks.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code limit} of a keyset page (see {@link KeysetPage}): 1 to 1000.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Constraint(validatedBy = {})
@Min(value = 1, message = PageLimit.MESSAGE)
@Max(value = 1000, message = PageLimit.MESSAGE)
public @interface PageLimit {

	String MESSAGE = "must be an integer from 1 to 1000";

	// Not shown: each composing constraint reports with its own message.
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
