package io.tcpchat.auth;

/**
 * The name of an account as others see it; {@code deleted} for a deleted account (its name may be released and
 * belong to somebody else by now).
 */
public record AccountName(long id, String name, boolean deleted) {

	/** How people see the name: a deleted account's name is marked, so nobody takes it for its new holder. */
	public String display() {
		return this.deleted ? displayDeleted(this.name) : this.name;
	}

	public static String displayDeleted(String name) {
		return name + " (deleted)";
	}

}
