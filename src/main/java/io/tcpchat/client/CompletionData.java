package io.tcpchat.client;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What Tab can complete: the server's commands, channel names and online users, as last heard from the server.
 * Thread-safe without locks, because the line reader asks while the network thread updates.
 */
final class CompletionData {

	private final NavigableSet<String> commands = new ConcurrentSkipListSet<>();

	private final NavigableSet<String> channels = new ConcurrentSkipListSet<>();

	private final NavigableSet<String> users = new ConcurrentSkipListSet<>(String.CASE_INSENSITIVE_ORDER);

	CompletionData() {
		this.commands.addAll(List.of("help", "quit"));
	}

	void commands(Collection<String> names) {
		this.commands.addAll(names);
	}

	void channels(Collection<String> names) {
		this.channels.clear();
		this.channels.addAll(names);
	}

	void channel(String name) {
		this.channels.add(name);
	}

	void users(Collection<String> names) {
		this.users.clear();
		this.users.addAll(names);
	}

	void user(String name) {
		this.users.add(name);
	}

	List<String> commands() {
		return List.copyOf(this.commands);
	}

	List<String> channels() {
		return List.copyOf(this.channels);
	}

	List<String> users() {
		return List.copyOf(this.users);
	}

}
