package org.userstasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each package under {@code org.userstasks} is a module: they depend on each other
 * without a cycle, and only through each other's top-level package.
 */
class ModuleStructureTests {

	private final ApplicationModules modules = ApplicationModules.of(UsersTasksApplication.class);

	@Test
	void modulesHaveNoCycleAndUseOnlyEachOthersTopLevelTypes() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDiagrams() {
		// To target/spring-modulith-docs: the README's "Modules" section says it in
		// words.
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
