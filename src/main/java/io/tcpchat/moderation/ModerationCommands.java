package io.tcpchat.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tcpchat.command.Access;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

@CommandHandler
class ModerationCommands {

	private final BanService bans;

	private final KickService kicks;

	private final MuteService mutes;

	ModerationCommands(BanService bans, KickService kicks, MuteService mutes) {
		this.mutes = mutes;
		this.bans = bans;
		this.kicks = kicks;
	}

	@ChatCommand(name = "ban", usage = "<username> (duration) (reason)",
			description = "Bans a user: their sessions end at once and they cannot log in. A duration such as 10m, "
					+ "2h or 7d makes the ban expire; without one it lasts until //unban.",
			access = Access.ADMIN, restOfLine = true)
	Reply ban(CommandContext context, Arguments arguments) {
		Optional<Duration> duration = arguments.optional(1).flatMap(BanDuration::leading);
		String reason = duration.isPresent() ? arguments.optional(2).orElse(null)
				: String.join(" ", arguments.values().subList(1, arguments.size()));
		BanInfo ban = this.bans.ban(context.requireUser(), arguments.get(0), reason, duration.orElse(null));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("username", ban.username());
		data.put("reason", ban.reason());
		data.put("expiresAt", ban.expiresAt());
		return Reply.of("Banned " + ban.username() + ": " + ban.reason()
				+ ((ban.expiresAt() != null) ? " (until " + ban.expiresAt() + ")" : ""), data);
	}

	@ChatCommand(name = "mute", usage = "<username> (duration)",
			description = "Mutes a user: they can read but not send. A duration such as 10m, 2h or 7d makes it expire; without one it lasts until //unmute.",
			access = Access.ADMIN)
	Reply mute(CommandContext context, Arguments arguments) {
		Duration duration = arguments.optional(1).map(BanDuration::parse).orElse(null);
		Instant until = this.mutes.mute(context.requireUser(), arguments.get(0), duration);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("username", arguments.get(0));
		data.put("expiresAt", until);
		return Reply.of(arguments.get(0) + " is muted" + ((until == null) ? " until //unmute." : " until " + until + "."),
				data);
	}

	@ChatCommand(name = "unmute", usage = "<username>", description = "Lifts a mute.", access = Access.ADMIN)
	Reply unmute(CommandContext context, Arguments arguments) {
		this.mutes.unmute(context.requireUser(), arguments.get(0));
		return Reply.of(arguments.get(0) + " may send again.", Map.of("username", arguments.get(0)));
	}

	@ChatCommand(name = "unban", usage = "<username>", description = "Lifts a ban.", access = Access.ADMIN)
	Reply unban(CommandContext context, Arguments arguments) {
		this.bans.unban(context.requireUser(), arguments.get(0));
		return Reply.of(arguments.get(0) + " may log in again.", Map.of("username", arguments.get(0)));
	}

	@ChatCommand(name = "banned-users", description = "Lists the bans in force.", access = Access.ADMIN)
	Reply bannedUsers() {
		List<BanInfo> active = this.bans.activeBans();
		String text = active.isEmpty() ? "Nobody is banned."
				: active.stream()
					.map(b -> b.username() + " - " + b.reason() + " (by " + b.bannedBy() + ", "
							+ (b.expiresAt() == null ? "no expiry" : "until " + b.expiresAt()) + ")")
					.collect(Collectors.joining("\n"));
		return Reply.of(text, Map.of("bans", active.stream().map(ModerationCommands::describe).toList()));
	}

	@ChatCommand(name = "kick", usage = "<username> (reason)", description = "Disconnects a user's sessions.",
			access = Access.ADMIN, restOfLine = true)
	Reply kick(CommandContext context, Arguments arguments) {
		String user = this.kicks.kick(context.requireUser(), arguments.get(0), arguments.optional(1).orElse(null));
		return Reply.of("Kicked " + user + ".", Map.of("username", user));
	}

	static Map<String, Object> describe(BanInfo ban) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("username", ban.username());
		entry.put("reason", ban.reason());
		entry.put("bannedBy", ban.bannedBy());
		entry.put("createdAt", ban.createdAt());
		entry.put("expiresAt", ban.expiresAt());
		return entry;
	}

}
