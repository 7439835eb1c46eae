package io.tcpchat.admin.web;

import java.util.List;

import io.tcpchat.command.CommandRegistry;
import io.tcpchat.command.CommandSpec;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommandsController {

	private final CommandRegistry registry;

	CommandsController(CommandRegistry registry) {
		this.registry = registry;
	}

	/** The same entries as the data of {@code //help}. */
	@GetMapping("/api/commands")
	List<CommandView> commands() {
		return this.registry.specs().stream().map(CommandView::of).toList();
	}

	record CommandView(String name, String usage, String description, boolean adminOnly) {

		static CommandView of(CommandSpec spec) {
			return new CommandView(spec.name(), spec.synopsis(), spec.description(), spec.adminOnly());
		}

	}

}
