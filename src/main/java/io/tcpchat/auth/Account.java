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

	@Column(name = "created_at")
	private Instant createdAt;

	protected Account() {
	}

	Account(String username, String passwordHash, Set<Role> roles, String color, Instant createdAt) {
		this.username = username;
		this.usernameKey = Usernames.key(username);
		this.passwordHash = passwordHash;
		this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		this.color = color;
		this.createdAt = createdAt;
	}

	String username() {
		return this.username;
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

	void changeColor(String newColor) {
		this.color = newColor;
	}

	ChatUser toUser() {
		return new ChatUser(this.username, Set.copyOf(roles()), this.color);
	}

}
