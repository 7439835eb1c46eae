package io.tcpchat.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.protocol.TextLines;

@CommandHandler
class HistoryCommands {

	static final int DEFAULT_HISTORY = 20;

	private static final String BEFORE = "before";

	private final MessageService messages;

	private final DirectMessageHistory directs;

	private final MessageSearch search;

	private final ReadMarkers readMarkers;

	HistoryCommands(MessageService messages, DirectMessageHistory directs, MessageSearch search,
			ReadMarkers readMarkers) {
		this.readMarkers = readMarkers;
		this.messages = messages;
		this.directs = directs;
		this.search = search;
	}

	/**
	 * Words with their trailing {@code before <id>} (paging back; the one rule for //history and //search) taken
	 * off: the rest, and the id ({@link Long#MAX_VALUE}: none given, so from the newest).
	 */
	private record Before(List<String> rest, long id) {

		/** @param keep how many words must stay before a {@code before <id>} for it to count as one */
		static Before takeOff(List<String> words, int keep) {
			int size = words.size();
			if (size >= keep + 2 && words.get(size - 2).equalsIgnoreCase(BEFORE)) {
				return new Before(words.subList(0, size - 2), Arguments.parsePositive(words.get(size - 1), "id"));
			}
			return new Before(words, Long.MAX_VALUE);
		}

		boolean given() {
			return this.id != Long.MAX_VALUE;
		}

	}

	@ChatCommand(name = "search", usage = "(#channel|@user) <words>",
			description = "Finds messages you may read with every word (word starts, any case), newest first: in your channels and DMs, or in one; 'before <id>' pages back.",
			restOfLine = true)
	Reply search(CommandContext context, Arguments arguments) {
		List<String> values = arguments.values();
		String scope = null;
		String words = String.join(" ", values);
		if (values.size() == 2 && (values.get(0).startsWith("#") || values.get(0).startsWith("@"))) {
			scope = values.get(0);
			words = values.get(1);
		}
		Before before = Before.takeOff(List.of(words.strip().split("\\s+")), 1);
		if (before.given()) {
			words = String.join(" ", before.rest());
		}
		List<MessageSearch.Hit> hits = this.search.search(context.requireUser(), scope, words, DEFAULT_HISTORY,
				before.id());
		return reply(hits, HistoryCommands::line, HistoryCommands::describe, "Nothing found.");
	}

	private static String line(MessageSearch.Hit hit) {
		if (hit instanceof MessageSearch.DirectHit d) {
			return TextLines.directMessage(d.message().ts(), d.message().from(), d.message().to(), d.message().text());
		}
		return channelLine(((MessageSearch.ChannelHit) hit).message());
	}

	private static Map<String, Object> describe(MessageSearch.Hit hit) {
		return (hit instanceof MessageSearch.DirectHit d) ? describe(d.message())
				: describe(((MessageSearch.ChannelHit) hit).message());
	}

	@ChatCommand(name = "history", usage = "(channel|@user) (n) (before <id>)",
			description = "Shows the last n (default 20) messages of a channel (the current one by default), or of your DMs with @user; 'before <id>' pages back.",
			reads = true)
	Reply history(CommandContext context, Arguments arguments) {
		Before paging = Before.takeOff(arguments.values(), 0);
		List<String> values = paging.rest();
		long before = paging.id();
		String target = null;
		int count = DEFAULT_HISTORY;
		if (values.size() == 2 && isNumber(values.get(0)) && !isNumber(values.get(1))) {
			// //history 3 general: the count first reads as naturally
			values = List.of(values.get(1), values.get(0));
		}
		if (values.size() == 1 && isNumber(values.get(0))) {
			count = Arguments.parsePositive(values.get(0), "n");
		}
		else if (!values.isEmpty()) {
			target = values.get(0);
			count = (values.size() > 1) ? Arguments.parsePositive(values.get(1), "n") : DEFAULT_HISTORY;
		}
		if (target != null && target.startsWith("@")) {
			return reply(this.directs.conversation(context.requireUser(), target.substring(1), count, before),
					m -> TextLines.directMessage(m.ts(), m.from(), m.to(), m.text()), HistoryCommands::describe,
					"No messages yet.");
		}
		String channel = (target != null) ? target : context.requireCurrentChannel();
		List<ChatEvent.ChannelMessage> history = this.messages.history(context.requireUser(), channel, count, before);
		if (!history.isEmpty() && context.channels().contains(history.get(0).channel())) {
			this.readMarkers.read(context.requireUser(), history.get(0).channel(),
					history.get(history.size() - 1).id());
		}
		return reply(history, HistoryCommands::channelLine, HistoryCommands::describe, "No messages yet.");
	}

	private static String channelLine(ChatEvent.ChannelMessage m) {
		return m.action() ? TextLines.channelAction(m.ts(), m.channel(), m.from(), m.text())
				: TextLines.channelMessage(m.ts(), m.channel(), m.from(), m.text());
	}

	private static <M> Reply reply(List<M> history, Function<M, String> line, Function<M, Map<String, Object>> event,
			String none) {
		String text = history.isEmpty() ? none : history.stream().map(line).collect(Collectors.joining("\n"));
		return Reply.of(text, Map.of("messages", history.stream().map(event).toList()));
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
		if (message.editedAt() != null) {
			entry.put("edited", message.editedAt());
		}
		if (!message.mentions().isEmpty()) {
			entry.put("mentions", message.mentions());
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
		if (message.editedAt() != null) {
			entry.put("edited", message.editedAt());
		}
		return entry;
	}

}
