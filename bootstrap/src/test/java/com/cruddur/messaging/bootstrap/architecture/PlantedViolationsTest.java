package com.cruddur.messaging.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda.HandlerReadsTable;
import com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda.HandlerRunsThePump;
import com.cruddur.messaging.bootstrap.architecture.planted.adapters.web.BlockingController;
import com.cruddur.messaging.bootstrap.architecture.planted.adapters.web.WebReadsTable;
import com.cruddur.messaging.bootstrap.architecture.planted.application.BlockingUseCase;
import com.cruddur.messaging.bootstrap.architecture.planted.application.IteratingUseCase;
import com.cruddur.messaging.bootstrap.architecture.planted.application.ReachesIntoBootstrap;
import com.cruddur.messaging.bootstrap.architecture.planted.application.SleepingUseCase;
import com.cruddur.messaging.bootstrap.architecture.planted.application.SpringInApplication;
import com.cruddur.messaging.bootstrap.architecture.planted.application.SyncDynamoDbUseCase;
import com.cruddur.messaging.bootstrap.architecture.planted.domain.SpringInDomain;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each module rule catches its planted violation, reports the offending class, and leaves alone the planted
 * classes that do only what the rule allows.
 */
class PlantedViolationsTest {

    private static final String BASE = "com.cruddur.messaging.bootstrap.architecture.planted";

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages(BASE);

    private static final ArchitectureRules RULES = new ArchitectureRules(BASE);

    /** Every violation line ends with its place in the source: "in (SpringInDomain.java:12)". */
    private static final Pattern SOURCE = Pattern.compile("in \\((\\w+)\\.java:\\d+\\)");

    @Test
    void domainRuleCatchesSpringInTheDomain() {
        assertCaughtExactly(RULES.domainDependsOnlyOnJava(), SpringInDomain.class);
    }

    @Test
    void applicationRuleCatchesFrameworksStoresAndBootstrap() {
        assertCaughtExactly(RULES.applicationDependsOnlyOnDomainReactorAndLogging(),
                SpringInApplication.class, SyncDynamoDbUseCase.class, ReachesIntoBootstrap.class);
    }

    @Test
    void bootstrapRuleCatchesADependencyOnTheCompositionRoot() {
        assertCaughtExactly(RULES.nothingDependsOnBootstrap(), ReachesIntoBootstrap.class);
    }

    @Test
    void springRuleCatchesSpringInDomainAndApplication() {
        assertCaughtExactly(RULES.noSpringInDomainOrApplication(), SpringInDomain.class, SpringInApplication.class);
    }

    @Test
    void blockingRuleCatchesBlockIterateSleepAndTheSyncClient() {
        ArchitectureRules.Rule rule = RULES.reactivePathNeverBlocks(List.of("application"));

        assertCaughtExactly(rule,
                BlockingUseCase.class, IteratingUseCase.class, SleepingUseCase.class, SyncDynamoDbUseCase.class);
        assertThat(catchAssertionError(rule)).hasMessageContainingAll(
                "calls method <reactor.core.publisher.Mono.block()>",
                "calls method <reactor.core.publisher.Flux.toIterable()>",
                "calls method <reactor.core.publisher.Flux.toStream()>",
                "calls method <java.lang.Thread.sleep(long)>",
                "calls method <java.util.concurrent.TimeUnit.sleep(long)>",
                "has type <software.amazon.awssdk.services.dynamodb.DynamoDbClient>");
    }

    @Test
    void blockingRuleCoversEveryListedModuleAndOnlyThose() {
        // The web adapter joins the list; the Lambda handler, which may block, stays off it.
        assertCaughtExactly(RULES.reactivePathNeverBlocks(List.of("application", "adapters.web")),
                BlockingUseCase.class, IteratingUseCase.class, SleepingUseCase.class, SyncDynamoDbUseCase.class,
                BlockingController.class);
        assertThat(catchAssertionError(RULES.reactivePathNeverBlocks(List.of("application", "adapters.web"))))
                .hasMessageContaining("calls method <reactor.core.publisher.Flux.blockLast()>");
    }

    @Test
    void adapterRuleCatchesAdaptersUsingEachOtherButNotTheLambdaWiringOrTheSharedStreamPipeline() {
        assertCaughtExactly(RULES.adaptersDoNotDependOnEachOther(List.of("web", "dynamodb", "lambda")),
                WebReadsTable.class, HandlerReadsTable.class, HandlerRunsThePump.class);
    }

    @Test
    void aRuleNamingAPackageWithoutClassesFailsInsteadOfPassing() {
        ArchitectureRules.Rule overMissingModule =
                RULES.reactivePathNeverBlocks(List.of("application", "adapters.postgres"));

        assertThatThrownBy(() -> overMissingModule.check(PLANTED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(BASE + ".adapters.postgres..")
                .hasMessageContaining("no imported class resides in it");
        assertThatThrownBy(() -> new ArchitectureRules("com.cruddur.nowhere").domainDependsOnlyOnJava().check(PLANTED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.cruddur.nowhere.domain..");
        assertThatThrownBy(() -> RULES.adaptersDoNotDependOnEachOther(List.of("web", "postgres")).check(PLANTED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(BASE + ".adapters.postgres..");
    }

    /** The rule fails, names every offender, and reports violations in the offenders' sources only. */
    private static void assertCaughtExactly(ArchitectureRules.Rule rule, Class<?>... offenders) {
        AssertionError error = catchAssertionError(rule);

        assertThat(error).hasMessageContaining("was violated");
        for (Class<?> offender : offenders) {
            assertThat(error).hasMessageContaining(offender.getName());
        }
        assertThat(sourcesOfViolations(error.getMessage()))
                .as("classes reported by rule '%s'", rule)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(offenders).map(Class::getSimpleName).toList());
    }

    private static AssertionError catchAssertionError(ArchitectureRules.Rule rule) {
        try {
            rule.check(PLANTED);
        } catch (AssertionError expected) {
            return expected;
        }
        throw new AssertionError("rule '" + rule + "' passed over the planted violations");
    }

    private static Set<String> sourcesOfViolations(String report) {
        Set<String> sources = new TreeSet<>();
        Matcher matcher = SOURCE.matcher(report);
        while (matcher.find()) {
            sources.add(matcher.group(1));
        }
        return sources;
    }
}
