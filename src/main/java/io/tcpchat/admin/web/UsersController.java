package io.tcpchat.admin.web;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tcpchat.auth.AccountAdminService;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Passwords;
import io.tcpchat.auth.Role;
import io.tcpchat.auth.Usernames;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.presence.OnlineUser;
import io.tcpchat.presence.PresenceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UsersController {

	private final AccountService accounts;

	private final AccountAdminService admin;

	private final PresenceService presence;

	private final ChannelService channels;

	UsersController(AccountService accounts, AccountAdminService admin, PresenceService presence,
			ChannelService channels) {
		this.accounts = accounts;
		this.admin = admin;
		this.presence = presence;
		this.channels = channels;
	}

	/**
	 * One entry per user: the earliest of their sessions gives {@code connectedAt}, {@code node} and {@code address};
	 * {@code connections} lists every session (node, client address, start), earliest first.
	 */
	@GetMapping("/online")
	List<OnlineUserView> online() {
		return this.presence.sessionsByUser()
			.stream()
			.map(sessions -> {
				OnlineUser first = sessions.get(0);
				return new OnlineUserView(first.username(), this.channels.channelsOf(first.userId()),
						first.connectedAt(), first.node(), first.address(), sessions.size(),
						sessions.stream().map(s -> new ConnectionView(s.node(), s.address(), s.connectedAt())).toList());
			})
			.sorted(Comparator.comparing(OnlineUserView::username, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@GetMapping("/online/count")
	Map<String, Integer> onlineCount() {
		return Map.of("count", this.presence.userCount());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "409", description = "The name is taken (code already-exists)")
	ResponseEntity<UserView> create(ChatUser actor, @Valid @RequestBody NewUser request) {
		ChatUser created = this.accounts.create(actor, request.username(), request.password(),
				(request.roles() != null) ? request.roles() : Set.of());
		return ResponseEntity.created(URI.create("/api/users/" + created.name()))
			.body(view(created));
	}

	/** The account stays as a tombstone that keeps the name reserved ({@code /api/reserved-names}). */
	@DeleteMapping("/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ApiResponse(responseCode = "404", description = "No such user (code not-found)")
	void delete(ChatUser actor, @PathVariable String username) {
		this.admin.delete(actor, username);
	}

	/** Every session of the user ends. */
	@PutMapping("/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ApiResponse(responseCode = "404", description = "No such user (code not-found)")
	void resetPassword(ChatUser actor, @PathVariable String username, @Valid @RequestBody NewPassword request) {
		this.admin.resetPassword(actor, username, request.password());
	}

	/** The accounts by name, {@code size} a page, page 1 first (what {@code //accounts} shows). */
	@GetMapping
	List<UserView> list(@RequestParam(defaultValue = "1") @Min(1) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return this.admin.accounts(page - 1, size).stream().map(UsersController::view).toList();
	}

	/** {@code ADMIN} or {@code USER}: there is always an admin; a demoted admin's sessions end. */
	@PutMapping("/{username}/role")
	@ApiResponse(responseCode = "404", description = "No such user (code not-found)")
	@ApiResponse(responseCode = "403", description = "The last or the configured admin (code forbidden)")
	UserView changeRole(ChatUser actor, @PathVariable String username, @Valid @RequestBody NewRole request) {
		return view(this.admin.changeRole(actor, username, request.role()));
	}

	private static UserView view(ChatUser user) {
		return new UserView(user.name(), user.roleNames(), user.color());
	}

	record NewRole(@NotNull Role role) {
	}

	record NewUser(@NotNull @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
			Set<Role> roles) {
	}

	record NewPassword(@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password) {
	}

	record UserView(String username, List<String> roles, String color) {
	}

	record OnlineUserView(String username, List<String> channels, Instant connectedAt, String node, String address,
			int sessions, List<ConnectionView> connections) {
	}

	/** One session of an online user: where it is served and where its client is. */
	record ConnectionView(String node, String address, Instant connectedAt) {
	}

}
