package org.userstasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.jspecify.annotations.Nullable;

import org.userstasks.jpa.Versioned;
import org.userstasks.user.User;

@Entity
@Table(name = "tasks")
public class Task extends Versioned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 255)
	private String title;

	@Column(nullable = false)
	private boolean completed;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	private User user;

	// The same column, read-only: lets queries project the owner's id without a join.
	@Column(name = "user_id", insertable = false, updatable = false)
	private @Nullable Long userId;

	protected Task() {
	}

	Task(User user, String title, boolean completed) {
		this.user = user;
		this.title = title;
		this.completed = completed;
	}

	@Nullable Long getId() {
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	void setTitle(String title) {
		this.title = title;
	}

	boolean isCompleted() {
		return this.completed;
	}

	void setCompleted(boolean completed) {
		this.completed = completed;
	}

	/**
	 * The owner's id, read from the association without loading the user.
	 */
	long getOwnerId() {
		return this.user.getId();
	}

	void moveTo(User user) {
		this.user = user;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof Task task && this.id != null && this.id.equals(task.id));
	}

	@Override
	public int hashCode() {
		return Task.class.hashCode();
	}

}
