package io.tcpchat.command;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Login;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

/**
 * What a command sees of the connection that ran it. Safe to use from any thread, also after the command
 * returned (e.g. when a stored message completes).
 */
public interface CommandContext {

	Optional<ChatUser> user();

	/** The client's address, for limits per address. */
	String remoteAddress();

	/** This session's id, unique on every node (e.g. to end a user's other sessions but this one). */
	String sessionId();

	default ChatUser requireUser() {
		return user().orElseThrow(() -> new ChatException(ErrorCode.NOT_LOGGED_IN, "Log in first."));
	}

	/**
	 * The channel plain lines go to; null when there is none (the current channel was left in another session or
	 * deleted: plain lines then go nowhere until the user chooses one).
	 */
	String currentChannel();

	/** The current channel, or the refusal {@code no-channel} when there is none. */
	default String requireCurrentChannel() {
		String channel = currentChannel();
		if (channel == null) {
			throw new ChatException(ErrorCode.NO_CHANNEL,
					"You have no current channel: //join one, or name one (//msg #channel text).");
		}
		return channel;
	}

	void setCurrentChannel(String channel);

	/** The channels this session is in, as the session knows them. */
	Set<String> channels();

	void reply(String command, Reply reply);

	void error(String command, ChatException error);

	/** Asks the user; the next line goes to {@code answer}. */
	void ask(Prompt prompt, Answer answer);

	/**
	 * Finishes a login or registration that runs on another thread (password hashing is slow on purpose): the
	 * lines that follow wait until it is done. Then the session joins its channels, goes online and sends
	 * {@code logged-in}; or the refusal is sent as an error of {@code command} and {@code onRefused} runs (null:
	 * the open prompt is shown again, or the login dialogue starts over).
	 */
	void completeLogin(String command, CompletionStage<Login> login, Consumer<ChatException> onRefused);

	/**
	 * Notes work still under way for this session (such as a message being stored), so that {@code //quit} and a
	 * half-close wait for it.
	 */
	default void pending(CompletionStage<?> work) {
	}

	/** Replaces the session's snapshot of its user, e.g. after a colour change. */
	void updateUser(ChatUser user);

}
