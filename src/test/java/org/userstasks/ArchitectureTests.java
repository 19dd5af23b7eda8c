package org.userstasks;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Which package may use which, beyond what {@link ModuleStructureTests} checks: features
 * ({@code user}, {@code task}, {@code auth}) use the shared packages ({@code web},
 * {@code ops}, {@code jpa}, {@code kernel}), never the reverse; {@code task} may use
 * {@code user} and both may use {@code auth}, never the reverse; domain code (entities,
 * services, repositories, exceptions) knows nothing of HTTP. Controllers and request
 * bodies, the features' web adapters, may use {@code web}.
 */
@AnalyzeClasses(packagesOf = UsersTasksApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String USER = "org.userstasks.user..";

	private static final String TASK = "org.userstasks.task..";

	private static final String AUTH = "org.userstasks.auth..";

	private static final String WEB = "org.userstasks.web..";

	private static final String[] SHARED = { WEB, "org.userstasks.ops..", "org.userstasks.jpa..",
			"org.userstasks.kernel.." };

	private static final String[] HTTP = { WEB, "org.springframework.web..", "org.springframework.http..",
			"jakarta.servlet..", "org.apache.catalina..", "org.apache.tomcat.." };

	@ArchTest
	static final ArchRule usersKnowNothingOfTasks = noClasses().that()
		.resideInAPackage(USER)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(TASK)
		.because("a task belongs to a user, not the reverse");

	@ArchTest
	static final ArchRule signInKnowsNoFeature = noClasses().that()
		.resideInAPackage(AUTH)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(USER, TASK)
		.because("users and tasks use sign-in, not the reverse")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
		.resideInAnyPackage(SHARED)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(USER, TASK, AUTH)
		.because("what every feature shares names none of them, nor their fields");

	@ArchTest
	static final ArchRule kernelDependsOnNoOtherPackage = noClasses().that()
		.resideInAPackage("org.userstasks.kernel..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(USER, TASK, AUTH, WEB, "org.userstasks.ops..", "org.userstasks.jpa..")
		.because("the kernel is what both the features and web may know");

	@ArchTest
	static final ArchRule domainCodeKnowsNothingOfHttp = noClasses().that()
		.resideInAnyPackage(USER, TASK, AUTH)
		.and(domainCode())
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(HTTP)
		.because("entities, services, repositories and exceptions are the same whatever the transport");

	private static DescribedPredicate<JavaClass> domainCode() {
		return DescribedPredicate.describe("are domain code (entities, services, repositories, exceptions)",
				(type) -> annotatedWith(Entity.class).test(type) || annotatedWith(Service.class).test(type)
						|| assignableTo(Repository.class).test(type) || assignableTo(Throwable.class).test(type));
	}

}
