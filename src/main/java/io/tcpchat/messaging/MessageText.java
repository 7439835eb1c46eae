package io.tcpchat.messaging;

import io.tcpchat.error.ChatException;
import io.tcpchat.text.ChatText;

/** The text of a message as it will be stored and shown, for every way of sending or editing one. */
final class MessageText {

	private MessageText() {
	}

	/** Cleaned by the one rule ({@link ChatText}), then checked. */
	static String require(String text, int maxLength) {
		String body = ChatText.clean(text);
		if (!ChatText.hasVisible(body)) {
			throw ChatException.invalid("A message needs at least one visible character; it was not sent.");
		}
		if (body.length() > maxLength) {
			throw ChatException.invalid("A message has at most " + maxLength + " characters.");
		}
		return body;
	}

}
