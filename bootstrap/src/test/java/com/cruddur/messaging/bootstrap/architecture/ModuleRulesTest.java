package com.cruddur.messaging.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module rules hold for the product's own classes. */
class ModuleRulesTest {

    private static final String BASE = "com.cruddur.messaging";

    /** Modules on the reactive request path (DESIGN.md section 1): nothing in them may block. */
    private static final List<String> REACTIVE_PATH =
            List.of("application", "adapters.web", "adapters.dynamodb", "adapters.postgres");

    /** Modules off the request path, which may block: the Lambda handler waits for its batch. */
    private static final List<String> OFF_REACTIVE_PATH = List.of("adapters.lambda");

    /**
     * Adapter modules with code. A new adapter joins here and in one of the two lists above;
     * the tests below fail until it does.
     */
    private static final List<String> ADAPTERS = List.of("dynamodb", "postgres", "web", "lambda");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ModuleRulesTest::isNotATestJar)
            .importPackages(BASE);

    private static final ArchitectureRules RULES = new ArchitectureRules(BASE);

    @Test
    void domainDependsOnlyOnJava() {
        RULES.domainDependsOnlyOnJava().check(CLASSES);
    }

    @Test
    void applicationDependsOnlyOnDomainReactorAndLogging() {
        RULES.applicationDependsOnlyOnDomainReactorAndLogging().check(CLASSES);
    }

    @Test
    void nothingDependsOnBootstrap() {
        RULES.nothingDependsOnBootstrap().check(CLASSES);
    }

    @Test
    void noSpringInDomainOrApplication() {
        RULES.noSpringInDomainOrApplication().check(CLASSES);
    }

    @Test
    void reactivePathNeverBlocks() {
        List<String> placed = Stream.concat(REACTIVE_PATH.stream(), OFF_REACTIVE_PATH.stream()).toList();
        assertThat(placed)
                .as("every adapter with code is either on the reactive path or explicitly off it")
                .containsAll(adaptersWithCode().stream().map(adapter -> "adapters." + adapter).toList());

        RULES.reactivePathNeverBlocks(REACTIVE_PATH).check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        assertThat(ADAPTERS)
                .as("adapters that have code must be listed in ADAPTERS")
                .containsExactlyInAnyOrderElementsOf(adaptersWithCode());

        RULES.adaptersDoNotDependOnEachOther(ADAPTERS).check(CLASSES);
    }

    @Test
    void checksTheProductionClassesOfEveryModuleThatHasCode() {
        assertThat(modulesWithCode(List.of("domain", "application", "bootstrap")))
                .containsExactly("domain", "application", "bootstrap");
        assertThat(CLASSES.stream().map(JavaClass::getPackageName))
                .as("test classes, test-jars and planted violations are not part of the product")
                .noneMatch(name -> name.contains(".planted") || name.endsWith(".fake") || name.endsWith(".contract")
                        || name.endsWith(".testing"));
        assertThat(CLASSES.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
    }

    /** Test-jars of sibling modules (in-memory fakes, contract suites) hold test code too. */
    private static boolean isNotATestJar(Location location) {
        return !location.contains("-tests.jar");
    }

    private static List<String> modulesWithCode(List<String> modules) {
        return modules.stream()
                .filter(module -> CLASSES.stream().anyMatch(c -> c.getPackageName().equals(BASE + "." + module)
                        || c.getPackageName().startsWith(BASE + "." + module + ".")))
                .toList();
    }

    private static Set<String> adaptersWithCode() {
        String adapters = BASE + ".adapters.";
        return CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(adapters))
                .map(name -> name.substring(adapters.length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
