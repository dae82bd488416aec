package org.cowarena.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The kernel and the move notation are pure (docs/kernel.md):
 * no I/O, network, clocks, threads, randomness, logging or libraries, and no static
 * mutable state, so the same moves give the same events everywhere.
 */
@AnalyzeClasses(packages = {"org.cowarena.kernel", "org.cowarena.move"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {
    private static final String KERNEL = "org.cowarena.kernel..";
    private static final String MOVE = "org.cowarena.move..";

    @ArchTest
    static final ArchRule kernelAndMovesUseOnlyTheLanguageAndCollections = classes()
            .that().resideInAnyPackage(KERNEL, MOVE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", KERNEL, MOVE)
            .because("the kernel is pure Java with no I/O: same level + same moves = same state and events");

    @ArchTest
    static final ArchRule kernelAndMovesUseNoIoClocksThreadsOrLibraries = noClasses()
            .that().resideInAnyPackage(KERNEL, MOVE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.io..", "java.nio..", "java.net..", "java.time..", "java.util.concurrent..",
                    "java.util.logging..", "java.lang.reflect..",
                    "org.yaml..", "picocli..", "com.fasterxml..", "com.googlecode.lanterna..",
                    "com.esotericsoftware..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.class, Thread.class, ThreadLocal.class,
                    Runtime.class, ProcessBuilder.class, Random.class, SplittableRandom.class, SecureRandom.class)
            .orShould().callMethod(Math.class, "random")
            .because("no I/O, clocks, threads or randomness: replays and network deltas rely on it");

    @ArchTest
    static final ArchRule kernelHasNoStaticMutableFields = fields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(KERNEL, MOVE)
            .and().areStatic()
            .should().beFinal()
            .because("no static mutable state: two kernels (rooms, replays, copies) never interfere");
}
