package naive;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A user whose tasks are a mapped collection that cascades every operation and removes
 * orphans.
 */
@Entity
@Table(name = "users")
public class CollectionUser {

	@Id
	private Long id;

	private String username;

	@OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<CollectionTask> tasks = new ArrayList<>();

	protected CollectionUser() {
	}

	public Long getId() {
		return this.id;
	}

	public List<CollectionTask> getTasks() {
		return this.tasks;
	}

}
