package io.tcpchat.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;

/**
 * {@code //help}, generated from the registry.
 */
@CommandHandler
class HelpCommand {

	private final CommandRegistry registry;

	HelpCommand(CommandRegistry registry) {
		this.registry = registry;
	}

	/** The list holds only the commands this user may run now; any command can be explained by name. */
	@ChatCommand(name = "help", usage = "(command)", description = "Lists the commands you may run, or explains one.",
			access = Access.ANYONE)
	Reply help(CommandContext context, Arguments arguments) {
		ChatUser user = context.user().orElse(null);
		List<CommandSpec> specs = arguments.optional(0)
			.map(name -> name.startsWith("//") ? name.substring(2) : name)
			.map(name -> List.of(this.registry.find(name)
				.map(CommandRegistry.RegisteredCommand::spec)
				.orElseThrow(() -> ChatException.notFound("There is no command //" + name + "."))))
			.orElseGet(() -> this.registry.specs().stream().filter(spec -> spec.access().permits(user)).toList());
		String text = specs.stream()
			.map(s -> String.format("%-40s %s%s", s.synopsis(), s.description(), s.adminOnly() ? " (admin)" : ""))
			.collect(Collectors.joining("\n"));
		return Reply.of(text, Map.of("commands", specs.stream().map(HelpCommand::describe).toList()));
	}

	static Map<String, Object> describe(CommandSpec spec) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", spec.name());
		entry.put("usage", spec.synopsis());
		entry.put("description", spec.description());
		entry.put("adminOnly", spec.adminOnly());
		return entry;
	}

}
