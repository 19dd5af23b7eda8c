package org.userstasks.user;

/**
 * What a password change checks the current password against.
 */
record UserCredentials(String username, String passwordHash) {

	@Override
	public String toString() {
		return "UserCredentials[username=" + this.username + "]";
	}

}
