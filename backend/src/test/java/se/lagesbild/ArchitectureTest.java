package se.lagesbild;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of the code, checked by the build: features never import each other in a loop, scoring stays a pure
 * function of answers and the instrument definition, controllers are nobody's dependency, and a feature's
 * repositories are its own. The rules also run against small fixtures that break them, so a rule that stopped
 * seeing anything would fail here too.
 */
class ArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.lagesbild");

    @Test
    void noPackageImportsAPackageThatImportsItBack() {
        noCycles("se.lagesbild").check(APPLICATION);
    }

    @Test
    void scoringDependsOnNothingButJavaAndTheInstrumentDefinition() {
        classes().that().resideInAPackage("se.lagesbild.scoring..").and(written())
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("java.*, scoring or the instrument definition",
                        (JavaClass target) -> target.getPackageName().startsWith("java.")
                                || target.getPackageName().startsWith("se.lagesbild.scoring")
                                || target.getName().startsWith("se.lagesbild.instrument.InstrumentDefinition")
                                || target.isPrimitive() || target.isArray() && target.getBaseComponentType().isPrimitive()))
                .check(APPLICATION);
    }

    @Test
    void noClassUsesAnotherPackagesControllersAndNoServiceUsesAController() {
        controllersAreNobodysDependency().check(APPLICATION);
    }

    @Test
    void everyControllerIsNamedSo() {
        classes().that().areAnnotatedWith(Controller.class).should().haveSimpleNameEndingWith("Controller").check(APPLICATION);
    }

    @Test
    void repositoriesAreUsedOnlyByTheirOwnFeaturesServices() {
        repositoriesStayInTheirFeature().check(APPLICATION);
    }

    @Test
    void theRulesSeeWhatBreaksThem() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("se.lagesbild.architecturefixture");
        EvaluationResult cycle = noCycles("se.lagesbild.architecturefixture.cycle").evaluate(fixtures);
        assertTrue(cycle.hasViolation(), "a cycle between two fixture packages must be reported");
        assertTrue(cycle.getFailureReport().toString().contains("one"), cycle.getFailureReport().toString());

        EvaluationResult controllers = controllersAreNobodysDependency().evaluate(fixtures);
        assertTrue(controllers.getFailureReport().toString().contains("OtherService"), controllers.getFailureReport().toString());
        EvaluationResult repositories = repositoriesStayInTheirFeature().evaluate(fixtures);
        assertTrue(repositories.getFailureReport().toString().contains("OtherService"), repositories.getFailureReport().toString());
        assertFalse(repositories.getFailureReport().toString().contains("FeatureService."),
                "a feature's own service may use its repository: " + repositories.getFailureReport());
    }

    static ArchRule noCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** Only a controller itself uses a controller (its nested types are its own too); Micronaut's generated classes aside. */
    static ArchRule controllersAreNobodysDependency() {
        return classes().that(written()).should(new ArchCondition<>("not use a controller of another package, nor any controller unless one") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith("se.lagesbild")) {
                        continue;
                    }
                    JavaClass controller = controllerOf(target);
                    if (controller == null || controller.equals(outermost(origin))) {
                        continue;
                    }
                    boolean samePackage = controller.getPackageName().equals(origin.getPackageName());
                    boolean originIsController = controllerOf(origin) != null;
                    if (!samePackage || !originIsController) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                    }
                }
            }
        });
    }

    /** A repository is used only inside its feature's package, and there not by a controller (controllers stay thin). */
    static ArchRule repositoriesStayInTheirFeature() {
        return classes().that(written()).should(new ArchCondition<>("use repositories only of their own package, and only if not a controller") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith("se.lagesbild") || !target.isAssignableTo(GenericRepository.class)
                            || target.equals(origin)) {
                        continue;
                    }
                    if (!target.getPackageName().equals(origin.getPackageName()) || controllerOf(origin) != null) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                    }
                }
            }
        });
    }

    /** Classes we wrote, not those Micronaut generates at compile time ($Definition, $Introspection, …). */
    private static DescribedPredicate<JavaClass> written() {
        return DescribedPredicate.describe("written by us", javaClass -> !javaClass.getName().contains(".$"));
    }

    /**
     * The controller a class is, or is nested in; null for any other class. A controller is known by its name
     * ({@link #everyControllerIsNamedSo}), so that the fixtures need no {@code @Controller}, which would make the
     * OpenAPI processor write a document of the test classes over the application's.
     */
    private static JavaClass controllerOf(JavaClass javaClass) {
        JavaClass outer = outermost(javaClass);
        return outer.getSimpleName().endsWith("Controller") ? outer : null;
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
