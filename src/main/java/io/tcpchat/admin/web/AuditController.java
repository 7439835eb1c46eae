package io.tcpchat.admin.web;

import java.util.List;

import io.tcpchat.audit.AuditLog;
import io.tcpchat.audit.AuditRecord;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Newest first, at most {@code limit} (1 to {@value AuditLog#MAX_LIMIT}) entries; for the next page pass the
	 * last entry's {@code id} as {@code before}.
	 */
	@GetMapping("/api/audit")
	List<AuditRecord> recent(@RequestParam(defaultValue = "50") @Min(1) @Max(AuditLog.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Positive Long before) {
		return this.audit.recent(limit, before);
	}

}
