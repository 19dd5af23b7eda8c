package org.userstasks;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:starts;DB_CLOSE_DELAY=-1")
class ApplicationStartsTests {

	@Autowired
	ApplicationContext context;

	@Test
	void startsWithMigratedSchema() {
		assertThat(this.context.getBeanNamesForType(javax.sql.DataSource.class)).hasSize(1);
	}

}
