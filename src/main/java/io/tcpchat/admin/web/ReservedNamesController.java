package io.tcpchat.admin.web;

import java.util.List;

import io.tcpchat.auth.AccountAdminService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.ReservedName;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names nobody may register: configured ones and those of deleted accounts; an admin may release the latter.
 */
@RestController
@RequestMapping("/api/reserved-names")
class ReservedNamesController {

	private final AccountAdminService admin;

	ReservedNamesController(AccountAdminService admin) {
		this.admin = admin;
	}

	@GetMapping
	List<ReservedName> list() {
		return this.admin.reservedNames();
	}

	/** 204; 404 if no deleted account holds the name; 409 for a configured reserved name. */
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void release(ChatUser actor, @PathVariable String name) {
		this.admin.releaseName(actor, name);
	}

}
