package io.tcpchat.presence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

@CommandHandler
class PresenceCommands {

	private final PresenceService presence;

	private final ChannelService channels;

	private final AccountService accounts;

	private final AwayStatus away;

	private final ChatEventBus events;

	PresenceCommands(PresenceService presence, ChannelService channels, AccountService accounts, AwayStatus away,
			ChatEventBus events) {
		this.events = events;
		this.presence = presence;
		this.channels = channels;
		this.accounts = accounts;
		this.away = away;
	}

	@ChatCommand(name = "users", usage = "(channel)", description = "Lists the users online, or those of a channel.",
			reads = true)
	Reply users(CommandContext context, Arguments arguments) {
		List<String> online;
		String where = "";
		if (arguments.size() == 1) {
			String channel = this.channels.requireReadable(context.requireUser(), arguments.get(0));
			online = this.presence.onlineAmong(this.channels.memberIds(channel))
				.stream()
				.map(OnlineUser::username)
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList();
			where = " in #" + channel;
		}
		else {
			online = this.presence.usernames();
		}
		Map<String, String> awayTexts = this.away.of(online);
		String names = online.stream()
			.map(user -> awayTexts.containsKey(user) ? user + " (away)" : user)
			.collect(Collectors.joining(", "));
		String text = online.size() + " online" + where + (online.isEmpty() ? "" : ": " + names);
		return Reply.of(text,
				Map.of("users", online, "colors", this.accounts.colorsOf(online), "away", awayTexts));
	}

	@ChatCommand(name = "away", usage = "(text)",
			description = "Marks you as away (shown in //users and //whois; the first DM from each sender gets your text).",
			restOfLine = true)
	Reply away(CommandContext context, Arguments arguments) {
		ChatUser user = context.requireUser();
		String text = this.away.cleaned(arguments.optional(0).orElse(null));
		this.events.publish(new ChatEvent.AwayChanged(user.id(), user.name(), text));
		return Reply.of("You are away: " + text + ". //back when you return.", Map.of("away", text));
	}

	@ChatCommand(name = "back", description = "Ends being away.")
	Reply back(CommandContext context) {
		ChatUser user = context.requireUser();
		boolean was = this.away.isAway(user.name());
		if (was) {
			this.events.publish(new ChatEvent.AwayChanged(user.id(), user.name(), null));
		}
		return Reply.of(was ? "Welcome back." : "You were not away.", Map.of("wasAway", was));
	}

	@ChatCommand(name = "whois", usage = "<user>", description = "Shows a user: roles, colour, online or not, away text.")
	Reply whois(Arguments arguments) {
		ChatUser user = this.accounts.requireUser(arguments.get(0));
		boolean online = this.presence.isOnline(user.name());
		Optional<String> awayText = this.away.textOf(user.name());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("user", user.name());
		data.put("roles", user.roleNames());
		data.put("color", user.color());
		data.put("online", online);
		data.put("away", awayText.orElse(null));
		String text = user.name() + " " + user.roleNames() + (online ? " is online" : " is offline")
				+ awayText.map(a -> ", away: " + a).orElse("") + ".";
		return Reply.of(text, data);
	}

	@ChatCommand(name = "user-count", description = "Counts the users online.", reads = true)
	Reply userCount() {
		int count = this.presence.userCount();
		return Reply.of(count + " user" + (count == 1 ? "" : "s") + " online.", Map.of("count", count));
	}

}
