package io.tcpchat.admin.web;

import java.util.List;

import io.tcpchat.audit.AuditLog;
import io.tcpchat.audit.AuditRecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	/** Newest first; {@code limit} is capped at {@value AuditLog#MAX_LIMIT}. */
	@GetMapping("/api/audit")
	List<AuditRecord> recent(@RequestParam(defaultValue = "50") int limit) {
		return this.audit.recent(limit);
	}

}
