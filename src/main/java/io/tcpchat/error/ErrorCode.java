package io.tcpchat.error;

/**
 * The one catalogue of refusals. TCP renders a code as an {@code error} event, REST as a problem detail with
 * the HTTP status given here.
 */
public enum ErrorCode {

	UNKNOWN_COMMAND("unknown-command", 404),
	INVALID_ARGUMENT("invalid-argument", 400),
	NOT_LOGGED_IN("not-logged-in", 401),
	BAD_CREDENTIALS("bad-credentials", 401),
	BANNED("banned", 403),
	FORBIDDEN("forbidden", 403),
	NOT_FOUND("not-found", 404),
	ALREADY_EXISTS("already-exists", 409),
	/** A protected target, such as the default channel: forbidden over TCP, 409 over REST. */
	PROTECTED("forbidden", 409),
	RATE_LIMITED("rate-limited", 429),
	/** A plain line (or a command defaulting to the current channel) while the session has no current channel. */
	NO_CHANNEL("no-channel", 409),
	LINE_TOO_LONG("line-too-long", 400),
	REGISTRATION_CLOSED("registration-closed", 403),
	UNAVAILABLE("unavailable", 503),
	INTERNAL("internal-error", 500);

	private final String code;

	private final int httpStatus;

	ErrorCode(String code, int httpStatus) {
		this.code = code;
		this.httpStatus = httpStatus;
	}

	public String code() {
		return this.code;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

}
