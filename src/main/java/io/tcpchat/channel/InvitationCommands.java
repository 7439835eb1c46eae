package io.tcpchat.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

/** Invitations you can see and undo, and taking members out of a channel. */
@CommandHandler
class InvitationCommands {

	private final Invitations invitations;

	InvitationCommands(Invitations invitations) {
		this.invitations = invitations;
	}

	@ChatCommand(name = "invite", usage = "<user> (channel)",
			description = "Lets a user join a private channel; they are told (owner, moderators, admins).")
	Reply invite(CommandContext context, Arguments arguments) {
		String channel = ChannelRoleCommands.channelOf(context, arguments);
		String invitee = this.invitations.invite(context.requireUser(), arguments.get(0), channel);
		return Reply.of(invitee + " may now join #" + channel + ".", Map.of("user", invitee, "channel", channel));
	}

	@ChatCommand(name = "uninvite", usage = "<user> (channel)",
			description = "Withdraws an invitation not yet used (owner, moderators, admins).")
	Reply uninvite(CommandContext context, Arguments arguments) {
		String channel = ChannelRoleCommands.channelOf(context, arguments);
		String invitee = this.invitations.uninvite(context.requireUser(), arguments.get(0), channel);
		return Reply.of("Withdrew the invitation of " + invitee + " to #" + channel + ".",
				Map.of("user", invitee, "channel", channel));
	}

	@ChatCommand(name = "remove", usage = "<user> (channel)",
			description = "Takes a member out of a channel, invitation included (owner, moderators, admins).")
	Reply remove(CommandContext context, Arguments arguments) {
		String channel = ChannelRoleCommands.channelOf(context, arguments);
		String member = this.invitations.remove(context.requireUser(), arguments.get(0), channel);
		return Reply.of("Removed " + member + " from #" + channel + ".", Map.of("user", member, "channel", channel));
	}

	@ChatCommand(name = "invites", description = "Lists your pending invitations to channels.", reads = true)
	Reply invites(CommandContext context) {
		List<Invitations.Pending> pending = this.invitations.pendingFor(context.requireUser());
		String text = pending.isEmpty() ? "No pending invitations."
				: "Invited to " + pending.stream()
					.map(p -> "#" + p.channel() + ((p.by() == null) ? "" : " (by " + p.by() + ")"))
					.collect(Collectors.joining(", ")) + "; //join one to accept.";
		List<Map<String, Object>> data = pending.stream().map(InvitationCommands::describe).toList();
		return Reply.of(text, Map.of("invites", data));
	}

	static Map<String, Object> describe(Invitations.Pending pending) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("channel", pending.channel());
		entry.put("by", pending.by());
		entry.put("at", pending.at());
		return entry;
	}

}
