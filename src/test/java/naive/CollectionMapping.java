package naive;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * A session factory of {@link CollectionUser} and {@link CollectionTask} over the
 * service's data source, with Hibernate's defaults (no JDBC batching, as in the service),
 * so whatever counts the service's statements counts these too.
 */
public final class CollectionMapping {

	private CollectionMapping() {
	}

	public static SessionFactory sessionFactory(DataSource dataSource) {
		Configuration configuration = new Configuration().addAnnotatedClass(CollectionUser.class)
			.addAnnotatedClass(CollectionTask.class);
		configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
		return configuration.buildSessionFactory();
	}

}
