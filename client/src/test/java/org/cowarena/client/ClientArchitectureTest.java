package org.cowarena.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The client's layers: the model ({@code client}: sessions, links, the room, race and tournament
 * models, the command line) knows nothing of the terminal; the board's renderers
 * ({@code board}) draw plain views and know neither the model nor the scenes; the scenes
 * ({@code tui}) use both. Messages reach their handlers by class through one registry, and the
 * board's scene works on any table through its interface: nobody asks with {@code instanceof}.
 */
@AnalyzeClasses(packages = "org.cowarena", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {
    private static final String MODEL = "org.cowarena.client..";
    private static final String BOARD = "org.cowarena.board..";
    private static final String SCENES = "org.cowarena.tui..";

    @ArchTest
    static final ArchRule theModelNeverDependsOnTheScenes = noClasses()
            .that().resideInAPackage(MODEL)
            .should().dependOnClassesThat().resideInAPackage(SCENES)
            .because("the terminal scenes depend on the model, never the other way round");

    @ArchTest
    static final ArchRule theRenderersKnowNeitherTheModelNorTheScenes = noClasses()
            .that().resideInAPackage(BOARD)
            .should().dependOnClassesThat().resideInAnyPackage(MODEL, SCENES)
            .because("a renderer draws a plain view: any front end, any test, can hand it one");

    @ArchTest
    static final ArchRule theBoardsSceneHoldsTablesByTheirInterface = noClasses()
            .that().haveFullyQualifiedName("org.cowarena.tui.PlayScene")
            .should().dependOnClassesThat(implementTable())
            .because("what differs between a solo game, a room, a race and a replay is the table's behaviour");

    @ArchTest
    static final ArchRule nobodyDispatchesByInstanceofOnMessagesOrTables = classes()
            .that().resideInAnyPackage(MODEL, BOARD, SCENES)
            .and().resideOutsideOfPackage("org.cowarena.client.bench..")
            .should(new ArchCondition<JavaClass>("make no instanceof check on a protocol message or a table") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaCodeUnit unit : c.getCodeUnits()) {
                        for (InstanceofCheck check : unit.getInstanceofChecks()) {
                            JavaClass type = check.getRawType();
                            boolean message = type.getName().startsWith("org.cowarena.protocol.Messages$");
                            boolean table = implementTable().test(type);
                            if (message || table) {
                                events.add(SimpleConditionEvent.violated(check, c.getName() + " checks instanceof " + type.getSimpleName() + " in " + check.getSourceCodeLocation()));
                            }
                        }
                    }
                }
            })
            .because("messages reach their handlers through the one registry (Handlers), tables through their interface");

    private static DescribedPredicate<JavaClass> implementTable() {
        return DescribedPredicate.describe("implement org.cowarena.tui.Table",
                c -> !c.isInterface() && c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getName().equals("org.cowarena.tui.Table")));
    }
}
