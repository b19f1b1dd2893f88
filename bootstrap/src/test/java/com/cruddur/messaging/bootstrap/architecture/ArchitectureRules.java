package com.cruddur.messaging.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The module arrows of DESIGN.md section 1, written once over a base package: checked against the real modules
 * ({@code com.cruddur.messaging}) they must pass, checked against the planted violations they must fail.
 *
 * <p>Modules are named relative to the base package: {@code domain}, {@code application}, {@code bootstrap},
 * {@code adapters.web} and so on.
 */
final class ArchitectureRules {

    private static final Set<String> BLOCKING_REACTOR_METHODS = Set.of("toIterable", "toStream");

    private final String base;

    ArchitectureRules(String basePackage) {
        this.base = basePackage;
    }

    /** The domain is plain Java: it sees nothing but the JDK. */
    Rule domainDependsOnlyOnJava() {
        return new Rule(classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("domain"), "java..")
                .because("the domain is plain Java 17"),
                List.of(pkg("domain")));
    }

    /** Use cases see the domain, the JDK, reactor-core and the logging API; no framework, no store. */
    Rule applicationDependsOnlyOnDomainReactorAndLogging() {
        return new Rule(classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        pkg("application"), pkg("domain"),
                        "java..",
                        // JDK (java.base) too; the cursors are signed with javax.crypto.Mac.
                        "javax.crypto..",
                        "reactor..", "org.slf4j..")
                .because("the use cases depend on the domain and reactor-core only"),
                List.of(pkg("application"), pkg("domain")));
    }

    /** Bootstrap wires everything; nothing may reach back into it. */
    Rule nothingDependsOnBootstrap() {
        return new Rule(noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .because("bootstrap is the composition root"),
                List.of(pkg("bootstrap")));
    }

    /** The inner modules stay framework-free (explicit @Bean wiring lives in bootstrap and the adapters). */
    Rule noSpringInDomainOrApplication() {
        return new Rule(noClasses().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("domain and application are framework-free"),
                List.of(pkg("domain"), pkg("application")));
    }

    /**
     * Nothing on the reactive request path waits: no Mono/Flux {@code block*}, {@code toIterable} or
     * {@code toStream}, no synchronous DynamoDB client, no sleeping. {@code modules} grows as the web, DynamoDB and
     * Postgres adapters gain code; the Lambda handler is not on the path and may block.
     */
    Rule reactivePathNeverBlocks(List<String> modules) {
        List<String> packages = modules.stream().map(this::pkg).toList();
        return new Rule(noClasses().that().resideInAnyPackage(packages.toArray(String[]::new))
                .should().callMethodWhere(blockingReactorCall())
                .orShould().callMethodWhere(sleep())
                .orShould().dependOnClassesThat(syncDynamoDbClient())
                .because("the reactive path never blocks a thread"),
                packages);
    }

    /**
     * Adapters never depend on each other, with two exemptions for the Lambda: its {@code wiring} may build
     * adapters-dynamodb, and the handler may use the stream pipeline it shares with the local pump (the package
     * {@code adapters.dynamodb.stream} itself: not its sub-packages, such as the pump, nor the rest of the adapter).
     * The rule covers every adapter package; {@code adapters} names those that must have code for the check to
     * mean something (for example {@code "dynamodb"}, {@code "web"}).
     */
    Rule adaptersDoNotDependOnEachOther(List<String> adapters) {
        List<String> packages = adapters.stream().map(adapter -> pkg("adapters." + adapter)).toList();
        ArchRule rule = slices().matching(base + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(pkg("adapters.lambda.wiring")),
                        resideInAPackage(pkg("adapters.dynamodb")))
                .ignoreDependency(resideInAPackage(pkg("adapters.lambda")),
                        resideInAPackage(base + ".adapters.dynamodb.stream"))
                .because("adapters meet only through the application's ports")
                .allowEmptyShould(adapters.isEmpty());
        return new Rule(rule, packages);
    }

    /** {@code module} ("domain", "adapters.web") as an ArchUnit package pattern under the base package. */
    String pkg(String module) {
        return base + "." + module + "..";
    }

    private static DescribedPredicate<JavaMethodCall> blockingReactorCall() {
        return DescribedPredicate.describe("the target is Mono/Flux block*, toIterable or toStream", call -> {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            boolean reactive = owner.isAssignableTo("reactor.core.publisher.Mono")
                    || owner.isAssignableTo("reactor.core.publisher.Flux");
            return reactive && (name.startsWith("block") || BLOCKING_REACTOR_METHODS.contains(name));
        });
    }

    private static DescribedPredicate<JavaMethodCall> sleep() {
        return DescribedPredicate.describe("the target is Thread.sleep or TimeUnit.sleep",
                call -> call.getName().equals("sleep")
                        && Stream.of("java.lang.Thread", "java.util.concurrent.TimeUnit")
                                .anyMatch(name -> call.getTargetOwner().isAssignableTo(name)));
    }

    private static DescribedPredicate<JavaClass> syncDynamoDbClient() {
        return DescribedPredicate.describe("are the synchronous DynamoDbClient",
                javaClass -> javaClass.isAssignableTo("software.amazon.awssdk.services.dynamodb.DynamoDbClient"));
    }

    /**
     * An ArchUnit rule together with the packages it names. Checking first proves each package holds imported
     * classes: a rule over an empty package passes and proves nothing.
     */
    record Rule(ArchRule rule, List<String> packages) {

        void check(JavaClasses classes) {
            for (String pkg : packages) {
                if (classes.stream().noneMatch(resideInAPackage(pkg))) {
                    throw new AssertionError("Rule '" + rule.getDescription() + "' names package " + pkg
                            + ", but no imported class resides in it; a rule over an empty package proves nothing");
                }
            }
            rule.check(classes);
        }

        @Override
        public String toString() {
            return rule.getDescription();
        }
    }
}
