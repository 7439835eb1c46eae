package io.tcpchat.client;

import java.util.List;
import java.util.Set;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: {@code //commands} in the first word, channel names after commands that take one (or after a
 * {@code #}), otherwise online usernames.
 */
final class ChatCompleter implements Completer {

	private static final Set<String> CHANNEL_COMMANDS = Set.of("//join", "//leave", "//history", "//users",
			"//delete-channel");

	private final CompletionData data;

	ChatCompleter(CompletionData data) {
		this.data = data;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> words = line.words();
		String word = line.word();
		if (line.wordIndex() == 0 && word.startsWith("/")) {
			this.data.commands().forEach(name -> candidates.add(new Candidate("//" + name)));
			return;
		}
		String command = words.isEmpty() ? "" : words.get(0);
		boolean channelArgument = line.wordIndex() == 1 && CHANNEL_COMMANDS.contains(command);
		boolean inviteChannel = line.wordIndex() == 2 && "//invite".equals(command);
		if (word.startsWith("#") || channelArgument || inviteChannel) {
			String prefix = word.startsWith("#") ? "#" : "";
			this.data.channels().forEach(name -> candidates.add(new Candidate(prefix + name)));
			return;
		}
		this.data.users().forEach(name -> candidates.add(new Candidate(name)));
	}

}
