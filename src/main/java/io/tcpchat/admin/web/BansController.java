package io.tcpchat.admin.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.moderation.BanInfo;
import io.tcpchat.moderation.BanService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bans")
class BansController {

	private final BanService bans;

	BansController(BanService bans) {
		this.bans = bans;
	}

	@GetMapping
	List<BanInfo> list() {
		return this.bans.activeBans();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "404", description = "No such user (code not-found)")
	@ApiResponse(responseCode = "409", description = "The user is banned already (code already-exists)")
	ResponseEntity<BanInfo> ban(ChatUser actor, @Valid @RequestBody NewBan request) {
		Duration duration = (request.durationSeconds() != null) ? Duration.ofSeconds(request.durationSeconds()) : null;
		BanInfo ban = this.bans.ban(actor, request.username(), request.reason(), duration);
		return ResponseEntity.created(URI.create("/api/bans/" + ban.username())).body(ban);
	}

	@DeleteMapping("/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ApiResponse(responseCode = "404", description = "The user is not banned (code not-found)")
	void unban(ChatUser actor, @PathVariable String username) {
		this.bans.unban(actor, username);
	}

	/**
	 * Without {@code durationSeconds} the ban has no expiry. A JSON whole number only: {@code 1.5} and
	 * {@code "10"} are refused (strict coercion, see application.yml), and so is anything past the longest ban.
	 */
	record NewBan(@NotBlank String username, @Size(max = BanService.MAX_REASON_LENGTH) String reason,
			@Positive @Max(value = BanService.MAX_DURATION_SECONDS,
					message = "must be at most {value} (3650 days); leave it out for a ban without expiry") Long durationSeconds) {
	}

}
