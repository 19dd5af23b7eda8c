package org.userstasks.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A new password comes with the current one, and the current one only with a new one.
 * Reported on {@code currentPassword}, like any other invalid field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CurrentPasswordRule.Validator.class)
@interface CurrentPasswordRule {

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CurrentPasswordRule, UserPatch> {

		@Override
		public boolean isValid(UserPatch patch, ConstraintValidatorContext context) {
			String message;
			if (patch.password() != null && patch.currentPassword() == null) {
				message = "is required to change the password";
			}
			else if (patch.password() == null && patch.currentPassword() != null) {
				message = "may be sent only with a new password";
			}
			else {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message)
				.addPropertyNode("currentPassword")
				.addConstraintViolation();
			return false;
		}

	}

}
