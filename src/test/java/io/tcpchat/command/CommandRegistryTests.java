package io.tcpchat.command;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * The registry as the application builds it: every {@link CommandHandler} class on the class path, registered
 * without starting anything (handlers are created without their dependencies, which registration never uses).
 */
class CommandRegistryTests {

	private static final Map<String, Access> CONTRACT = Map.ofEntries(entry("help", Access.ANYONE),
			entry("login", Access.GUEST), entry("register", Access.GUEST), entry("format", Access.ANYONE),
			entry("pong", Access.ANYONE), entry("quit", Access.ANYONE), entry("users", Access.USER),
			entry("user-count", Access.USER), entry("channels", Access.USER), entry("join", Access.USER),
			entry("leave", Access.USER), entry("create-channel", Access.USER), entry("invite", Access.USER),
			entry("msg", Access.USER), entry("history", Access.USER), entry("color", Access.USER),
			entry("passwd", Access.USER), entry("whoami", Access.USER), entry("delete-channel", Access.USER),
			entry("broadcast", Access.ADMIN), entry("ban", Access.ADMIN), entry("unban", Access.ADMIN),
			entry("banned-users", Access.ADMIN), entry("kick", Access.ADMIN));

	private final CommandRegistry registry = new CommandRegistry(null);

	@BeforeEach
	void registerEveryHandler() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(CommandHandler.class));
		SpringObjenesis objenesis = new SpringObjenesis();
		for (BeanDefinition handler : scanner.findCandidateComponents("io.tcpchat")) {
			Class<?> type = ClassUtils.forName(handler.getBeanClassName(), getClass().getClassLoader());
			this.registry.register(objenesis.newInstance(type));
		}
	}

	@Test
	void everyCommandOfTheContractIsRegisteredWithItsAccess() {
		Map<String, Access> registered = this.registry.specs()
			.stream()
			.collect(Collectors.toMap(CommandSpec::name, CommandSpec::access));

		assertThat(registered).containsAllEntriesOf(CONTRACT);
	}

	@Test
	void exactlyTheAdminCommandsAreAdminOnly() {
		assertThat(this.registry.specs().stream().filter(CommandSpec::adminOnly).map(CommandSpec::name))
			.containsExactlyInAnyOrder("broadcast", "ban", "unban", "banned-users", "kick", "release-name", "mute",
					"unmute", "role", "accounts");
	}

	@Test
	void everyCommandIsDescribedAndSortedByName() {
		assertThat(this.registry.specs()).isSortedAccordingTo(java.util.Comparator.comparing(CommandSpec::name))
			.allSatisfy(spec -> {
				assertThat(spec.name()).matches("[a-z-]+");
				assertThat(spec.description()).isNotBlank();
				assertThat(spec.synopsis()).startsWith("//" + spec.name());
			});
	}

	@Test
	void lookupIgnoresCase() {
		assertThat(this.registry.find("WhoAmI")).map(r -> r.spec().name()).contains("whoami");
		assertThat(this.registry.find("no-such-command")).isEmpty();
	}

	@Test
	void restOfLineCommandsTakeTheirLastArgumentWhole() {
		Map<String, CommandSpec> specs = this.registry.specs()
			.stream()
			.collect(Collectors.toMap(CommandSpec::name, Function.identity()));

		assertThat(specs.get("msg").parse("bob hello there").get(1)).isEqualTo("hello there");
		assertThat(specs.get("ban").parse("bob 10m for  spam").get(2)).isEqualTo("for  spam");
		assertThat(specs.get("broadcast").parse("maintenance at noon").get(0)).isEqualTo("maintenance at noon");
		assertThat(specs.get("kick").parse("bob go away").get(1)).isEqualTo("go away");
	}

	@Test
	void aSecondHandlerForTheSameNameIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(new HelpCommand(this.registry)))
			.withMessageContaining("//help");
	}

}
