package io.tcpchat.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.tcpchat.channel.ChannelNames;
import io.tcpchat.command.Access;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.protocol.TextLines;

@CommandHandler
class MessagingCommands {

	static final int DEFAULT_HISTORY = 20;

	private final MessageService messages;

	private final DirectMessageHistory directs;

	MessagingCommands(MessageService messages, DirectMessageHistory directs) {
		this.messages = messages;
		this.directs = directs;
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
			.thenApply(sent -> Reply.of(sentText(sent), Map.of("id", sent.message().id(), "to", sent.message().to(),
					"online", sent.recipientOnline())));
	}

	private static String sentText(DirectMessageSent sent) {
		String to = sent.message().to();
		return sent.recipientOnline() ? "Sent to " + to + "."
				: "Sent to " + to + ", who is offline and gets it at the next login.";
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

	@ChatCommand(name = "history", usage = "(channel|@user) (n)",
			description = "Shows the last n (default 20) messages of a channel (the current one by default), or of your DMs with @user.")
	Reply history(CommandContext context, Arguments arguments) {
		String channel = null;
		int count = DEFAULT_HISTORY;
		List<String> values = arguments.values();
		if (values.size() == 2 && isNumber(values.get(0)) && !isNumber(values.get(1))) {
			// //history 3 general: the count first reads as naturally
			values = List.of(values.get(1), values.get(0));
		}
		if (values.size() == 1 && isNumber(values.get(0))) {
			count = Arguments.parsePositive(values.get(0), "n");
		}
		else if (!values.isEmpty()) {
			channel = values.get(0);
			count = (values.size() > 1) ? Arguments.parsePositive(values.get(1), "n") : DEFAULT_HISTORY;
		}
		if (channel != null && channel.startsWith("@")) {
			return directHistory(context, channel.substring(1), count);
		}
		if (channel == null) {
			channel = context.requireCurrentChannel();
		}
		List<ChatEvent.ChannelMessage> history = this.messages.history(context.requireUser(), channel, count);
		String text = history.isEmpty() ? "No messages yet."
				: history.stream()
					.map(m -> m.action() ? TextLines.channelAction(m.ts(), m.channel(), m.from(), m.text())
							: TextLines.channelMessage(m.ts(), m.channel(), m.from(), m.text()))
					.collect(Collectors.joining("\n"));
		return Reply.of(text, Map.of("messages", history.stream().map(MessagingCommands::describe).toList()));
	}

	private Reply directHistory(CommandContext context, String peer, int count) {
		List<ChatEvent.DirectMessage> history = this.directs.conversation(context.requireUser(), peer, count);
		String text = history.isEmpty() ? "No messages yet."
				: history.stream()
					.map(m -> TextLines.directMessage(m.ts(), m.from(), m.to(), m.text()))
					.collect(Collectors.joining("\n"));
		return Reply.of(text, Map.of("messages", history.stream().map(MessagingCommands::describe).toList()));
	}

	private static boolean isNumber(String argument) {
		return !argument.isEmpty() && argument.chars().allMatch(Character::isDigit);
	}

	/**
	 * A message as the {@code message} event renders it. Built by hand: inside reply data an event record would
	 * be written without its {@code type}.
	 */
	static Map<String, Object> describe(ChatEvent.ChannelMessage message) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("type", "message");
		entry.put("id", message.id());
		entry.put("ts", message.ts());
		entry.put("channel", message.channel());
		entry.put("from", message.from());
		entry.put("color", message.color());
		entry.put("text", message.text());
		if (message.action()) {
			entry.put("action", true);
		}
		return entry;
	}

	/** A DM as the {@code dm} event renders it. */
	static Map<String, Object> describe(ChatEvent.DirectMessage message) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("type", "dm");
		entry.put("id", message.id());
		entry.put("ts", message.ts());
		entry.put("from", message.from());
		entry.put("to", message.to());
		entry.put("color", message.color());
		entry.put("text", message.text());
		return entry;
	}

	@ChatCommand(name = "broadcast", usage = "<message>", description = "Sends a message to everyone online.",
			access = Access.ADMIN, restOfLine = true, sendsMessage = true)
	CompletionStage<Reply> broadcast(CommandContext context, Arguments arguments) {
		return this.messages.broadcast(context.requireUser().name(), arguments.get(0))
			.thenApply(sent -> Reply.of("Broadcast sent.", Map.of("id", sent.id())));
	}

}
