package naive;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The owning side, as in the service's {@code Task}; only the user's collection differs.
 */
@Entity
@Table(name = "tasks")
public class CollectionTask {

	@Id
	private Long id;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	private CollectionUser user;

	protected CollectionTask() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
