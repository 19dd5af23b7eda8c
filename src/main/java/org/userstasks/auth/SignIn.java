package org.userstasks.auth;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Exchanges a username and password for a token. Not one transaction: the password check
 * takes about 100 ms and holds no connection or lock while it runs, and a failure is
 * counted even though the sign-in fails.
 */
@Service
class SignIn {

	private final Accounts accounts;

	private final Passwords passwords;

	private final SignInThrottle throttle;

	private final Tokens tokens;

	SignIn(Accounts accounts, Passwords passwords, SignInThrottle throttle, Tokens tokens) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.tokens = tokens;
	}

	Tokens.IssuedToken signIn(String username, String password) {
		String key = SignInThrottle.key(username);
		boolean hadFailures = this.throttle.check(key);
		Optional<Accounts.Account> account = this.accounts.find(username);
		// An unknown username is checked against a dummy hash: it takes as long as a
		// wrong password, and gets the same answer.
		if (!this.passwords.matches(password, account.map(Accounts.Account::passwordHash).orElse(null))) {
			this.throttle.failed(key);
			throw new WrongCredentials();
		}
		if (hadFailures) {
			this.throttle.succeeded(key);
		}
		return this.tokens.issue(account.get().id()).orElseThrow(WrongCredentials::new);
	}

}
