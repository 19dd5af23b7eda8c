package org.userstasks.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.userstasks.jpa.Versioned;

@Entity
@Table(name = "users")
public class User extends Versioned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 50)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	protected User() {
	}

	User(String username, String passwordHash) {
		this.username = username;
		this.passwordHash = passwordHash;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	void setUsername(String username) {
		this.username = username;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof User user && this.id != null && this.id.equals(user.id));
	}

	@Override
	public int hashCode() {
		return User.class.hashCode();
	}

}
