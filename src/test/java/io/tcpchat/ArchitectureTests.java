package io.tcpchat;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jakarta.persistence.Entity;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The intended shape, checked in the spirit of Spring Modulith's verification: the listeners in {@code transport}
 * (bytes and lines) meet the layer above only through the neutral seam {@code connection}; {@code session}
 * (connections, prompts, formats) -> {@code command} (registry and gate) -> the feature packages,
 * each owning its entities and repositories. A feature uses another only through its public services and records.
 */
@AnalyzeClasses(packages = "io.tcpchat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String[] FEATURES = { "auth", "channel", "messaging", "moderation", "presence" };

	@ArchTest
	static final ArchRule featuresAndCommandsKnowNothingOfConnections = noClasses().that()
		.resideInAnyPackage(packages(FEATURES, "command"))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages("session", "transport", "connection"))
		.because("features serve TCP and REST alike; connection handling belongs to session and transport");

	@ArchTest
	static final ArchRule transportOnlyMovesLines = noClasses().that()
		.resideInAPackage("io.tcpchat.transport..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages(FEATURES, "session", "command", "protocol"))
		.because("transport turns bytes into lines and back; what lines mean is decided above it");

	@ArchTest
	static final ArchRule sessionKnowsNoListener = noClasses().that()
		.resideInAPackage("io.tcpchat.session..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.tcpchat.transport..")
		.because("sessions work the same over every listener; they see connections only through the seam");

	@ArchTest
	static final ArchRule webClientOnlyServesFiles = noClasses().that()
		.resideInAPackage("io.tcpchat.webclient..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages(FEATURES, "session", "command", "transport", "connection", "protocol"))
		.because("the web client is static files; it speaks to the server only over the WebSocket listener");

	@ArchTest
	static final ArchRule ircIsADialectAtTheSeam = noClasses().that()
		.resideInAPackage("io.tcpchat.irc..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages(FEATURES, "session", "command", "transport"))
		.because("IRC translates lines and events at the connection seam; every chat rule stays behind it");

	@ArchTest
	static final ArchRule nothingKnowsIrc = noClasses().that()
		.resideOutsideOfPackage("io.tcpchat.irc..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.tcpchat.irc..")
		.because("no feature, session or listener learns about IRC: it is a dialect the listener is given");

	@ArchTest
	static final ArchRule seamDependsOnNothing = noClasses().that()
		.resideInAPackage("io.tcpchat.connection..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages(FEATURES, "command", "session", "transport", "protocol", "event"))
		.because("the seam between listeners and sessions knows neither side");

	@ArchTest
	static final ArchRule sharedKernelDependsOnNoLayer = noClasses().that()
		.resideInAnyPackage(packages("config", "error", "event", "protocol", "limits", "cache"))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages(FEATURES, "command", "session", "transport"))
		.because("configuration, the error catalogue, events and the wire model are shared by every layer");

	@ArchTest
	static final ArchRule textRulesDependOnNothing = noClasses().that()
		.resideInAPackage("io.tcpchat.text..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("io.tcpchat.text..", "java..")
		.because("the text-cleaning rule is shared by every service and by the terminal client alike");

	@ArchTest
	static final ArchRule noUnboundedThreadPools = noClasses().should()
		.callMethod(Executors.class, "newCachedThreadPool")
		.orShould()
		.callMethod(Executors.class, "newCachedThreadPool", ThreadFactory.class)
		.orShould()
		.callConstructor(SimpleAsyncTaskExecutor.class)
		.orShould()
		.callConstructor(SimpleAsyncTaskExecutor.class, String.class)
		.because("every pool has a bound and a name (config.ThreadPools); under a login burst an unbounded pool "
				+ "grew to about 200 threads on two cores");

	@ArchTest
	static final ArchRule persistenceIsUsedOnlyByItsOwnFeature = classes().that()
		.areAnnotatedWith(Entity.class)
		.or()
		.areAssignableTo(Repository.class)
		.should(onlyBeUsedInTheirOwnPackage())
		.andShould()
		.notBePublic()
		.because("entities and repositories are a feature's internals; others go through its service");

	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().assignedFrom(featurePackages())
		.should()
		.beFreeOfCycles()
		.because("features build on each other in one direction only");

	private static ArchCondition<JavaClass> onlyBeUsedInTheirOwnPackage() {
		return new ArchCondition<>("only be used in their own package") {

			@Override
			public void check(JavaClass internal, ConditionEvents events) {
				for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
					JavaClass user = dependency.getOriginClass();
					if (!user.getPackageName().equals(internal.getPackageName())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

	private static SliceAssignment featurePackages() {
		return new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				for (String feature : FEATURES) {
					String root = "io.tcpchat." + feature;
					if (javaClass.getPackageName().equals(root) || javaClass.getPackageName().startsWith(root + ".")) {
						return SliceIdentifier.of(feature);
					}
				}
				return SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "the feature packages";
			}

		};
	}

	private static String[] packages(String[] names, String... more) {
		String[] all = Arrays.copyOf(names, names.length + more.length);
		System.arraycopy(more, 0, all, names.length, more.length);
		return packages(all);
	}

	private static String[] packages(String... names) {
		return Arrays.stream(names).map(name -> "io.tcpchat." + name + "..").toArray(String[]::new);
	}

}
