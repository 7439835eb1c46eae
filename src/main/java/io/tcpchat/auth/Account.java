package io.tcpchat.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "username_key")
	private String usernameKey;

	@Column(name = "password_hash")
	private String passwordHash;

	private String roles;

	private String color;

	/** What the name looks like ({@link Usernames#skeleton}); null once released, or for an old look-alike. */
	private String skeleton;

	@Column(name = "created_at")
	private Instant createdAt;

	/** Set when the account was deleted: the row stays as a tombstone that keeps the name reserved. */
	@Column(name = "deleted_at")
	private Instant deletedAt;

	protected Account() {
	}

	Account(String username, String passwordHash, Set<Role> roles, String color, Instant createdAt) {
		this.username = username;
		this.usernameKey = Usernames.key(username);
		this.skeleton = Usernames.skeleton(username);
		this.passwordHash = passwordHash;
		this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		this.color = color;
		this.createdAt = createdAt;
	}

	long id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	boolean isAdmin() {
		return !isDeleted() && roles().contains(Role.ADMIN);
	}

	Instant deletedAt() {
		return this.deletedAt;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Set<Role> roles() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		Arrays.stream(this.roles.split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(set::add);
		return set;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	void changePasswordHash(String newHash) {
		this.passwordHash = newHash;
	}

	void changeRoles(Set<Role> newRoles) {
		this.roles = newRoles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	void changeColor(String newColor) {
		this.color = newColor;
	}

	/** Makes this account a tombstone: no credentials, no roles, the name still reserved. */
	void markDeleted(Instant when) {
		this.deletedAt = when;
		this.passwordHash = "!";
		this.roles = "";
	}

	/** Frees a tombstone's name (and its look-alikes) for new accounts; the tombstone still names old messages. */
	void releaseName() {
		this.usernameKey = null;
		this.skeleton = null;
	}

	ChatUser toUser() {
		return new ChatUser(this.id, this.username, Set.copyOf(roles()), this.color);
	}

	AccountName toName() {
		return new AccountName(this.id, this.username, isDeleted());
	}

}
