package io.tcpchat.audit;

/**
 * The admin actions that are audited, with the label stored and shown.
 */
public enum AuditAction {

	BAN("ban"),
	UNBAN("unban"),
	KICK("kick"),
	BROADCAST("broadcast"),
	DELETE_CHANNEL("delete-channel"),
	CREATE_USER("create-user"),
	DELETE_USER("delete-user"),
	RESET_PASSWORD("reset-password"),
	RELEASE_NAME("release-name"),
	ROLE("role"),
	MUTE("mute"),
	UNMUTE("unmute"),
	// a channel's owner, moderators or an admin
	REMOVE("remove"),
	OP("op"),
	DEOP("deop"),
	TOPIC("topic"),
	GIVE_CHANNEL("give-channel");

	private final String label;

	AuditAction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
