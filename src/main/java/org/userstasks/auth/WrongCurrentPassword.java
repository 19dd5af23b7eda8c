package org.userstasks.auth;

/**
 * A password change whose {@code currentPassword} is not the password in force (403).
 */
public class WrongCurrentPassword extends RuntimeException {

	public WrongCurrentPassword() {
		super("currentPassword is not the password in force", null, false, false);
	}

}
