package io.tcpchat.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.tcpchat.channel.ChannelNames;
import io.tcpchat.command.Access;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;
import io.tcpchat.event.ChatEvent;

@CommandHandler
class MessagingCommands {

	private final MessageService messages;

	private final MessageEditing editing;

	MessagingCommands(MessageService messages, MessageEditing editing) {
		this.messages = messages;
		this.editing = editing;
	}

	@ChatCommand(name = "edit", usage = "<id|last> <text>",
			description = "Changes a message or DM of yours, within 15 minutes of sending it; 'last' is your latest.",
			restOfLine = true, sendsMessage = true)
	Reply edit(CommandContext context, Arguments arguments) {
		ChatEvent.MessageEdited edited = this.editing.edit(context.requireUser(), arguments.get(0), arguments.get(1));
		return Reply.of("Message #" + edited.id() + " edited.", Map.of("id", edited.id()));
	}

	@ChatCommand(name = "unsend", usage = "<id|last>",
			description = "Takes back a message or DM of yours, within 15 minutes of sending it; 'last' is your latest.")
	Reply unsend(CommandContext context, Arguments arguments) {
		ChatEvent.MessageUnsent unsent = this.editing.unsend(context.requireUser(), arguments.get(0));
		return Reply.of("Message #" + unsent.id() + " taken back.", Map.of("id", unsent.id()));
	}

	@ChatCommand(name = "msg", usage = "<user|#channel> <text>",
			description = "Sends a direct message, or a message to a channel you are in.", restOfLine = true, sendsMessage = true)
	CompletionStage<Reply> msg(CommandContext context, Arguments arguments) {
		String target = arguments.get(0);
		if (ChannelNames.looksLikeChannel(target)) {
			return this.messages.postToChannel(context.requireUser(), target, arguments.get(1))
				.thenApply(m -> Reply.of("Sent to #" + m.channel() + ".", Map.of("id", m.id(), "channel", m.channel())));
		}
		return this.messages.sendDirect(context.requireUser(), target, arguments.get(1))
			.thenApply(sent -> Reply.of(sentText(sent), sentData(sent)));
	}

	private static Map<String, Object> sentData(DirectMessageSent sent) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", sent.message().id());
		data.put("to", sent.message().to());
		data.put("online", sent.recipientOnline());
		if (sent.recipientAway() != null) {
			data.put("away", sent.recipientAway());
		}
		return data;
	}

	private static String sentText(DirectMessageSent sent) {
		String to = sent.message().to();
		if (!sent.recipientOnline()) {
			return "Sent to " + to + ", who is offline and gets it at the next login.";
		}
		return (sent.recipientAway() != null) ? "Sent to " + to + ", who is away: " + sent.recipientAway() + "."
				: "Sent to " + to + ".";
	}

	@ChatCommand(name = "say", usage = "<text>",
			description = "Sends a message to your current channel (what a plain line does).", restOfLine = true, sendsMessage = true)
	CompletionStage<?> say(CommandContext context, Arguments arguments) {
		return this.messages.postToChannel(context.requireUser(), context.requireCurrentChannel(), arguments.get(0));
	}

	@ChatCommand(name = "me", usage = "<action>",
			description = "Sends an action to your current channel: //me waves shows as * you waves.", restOfLine = true,
			sendsMessage = true)
	CompletionStage<?> me(CommandContext context, Arguments arguments) {
		return this.messages.postAction(context.requireUser(), context.requireCurrentChannel(), arguments.get(0));
	}

	@ChatCommand(name = "broadcast", usage = "<message>", description = "Sends a message to everyone online.",
			access = Access.ADMIN, restOfLine = true, sendsMessage = true)
	CompletionStage<Reply> broadcast(CommandContext context, Arguments arguments) {
		return this.messages.broadcast(context.requireUser().name(), arguments.get(0))
			.thenApply(sent -> Reply.of("Broadcast sent.", Map.of("id", sent.id())));
	}

}
