package io.tcpchat.error;

/**
 * A refusal with a code from the catalogue and a text meant for the user. Refusals are expected (a wrong password,
 * a full channel, a flood), so they carry no stack trace: filling one in cost more than the refusal itself.
 */
public class ChatException extends RuntimeException {

	private final ErrorCode code;

	public ChatException(ErrorCode code, String text) {
		super(text, null, false, false);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

	public static ChatException invalid(String text) {
		return new ChatException(ErrorCode.INVALID_ARGUMENT, text);
	}

	public static ChatException notFound(String text) {
		return new ChatException(ErrorCode.NOT_FOUND, text);
	}

	public static ChatException forbidden(String text) {
		return new ChatException(ErrorCode.FORBIDDEN, text);
	}

	public static ChatException alreadyExists(String text) {
		return new ChatException(ErrorCode.ALREADY_EXISTS, text);
	}

}
