package org.userstasks.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the database before each test of an {@link IntegrationTest}, through the shared
 * context's {@link Seeds}, so that every test starts from no users, tasks, tokens or
 * counted sign-in failures. It runs before the test class's own {@code @BeforeEach}
 * methods, which may then seed what the test needs.
 */
class ResetDatabase implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(Seeds.class).reset();
	}

}
