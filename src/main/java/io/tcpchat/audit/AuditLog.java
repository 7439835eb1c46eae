package io.tcpchat.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tcpchat.text.ChatText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of admin actions. The services record here, so an action is audited once whether it came over
 * TCP or REST; inside the action's transaction, so a refused or rolled-back action leaves no entry. The client's
 * address comes from {@link AuditOrigin}, set by whichever entry point the action came through.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	public static final int MAX_LIMIT = 500;

	static final int MAX_DETAIL_LENGTH = 1000;

	private static final int LOGGED_DETAIL_LENGTH = 200;

	private final AuditRepository entries;

	private final Clock clock;

	AuditLog(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@Transactional
	public void record(String actor, AuditAction action, String target, String detail) {
		String shortDetail = (detail != null && detail.length() > MAX_DETAIL_LENGTH)
				? detail.substring(0, MAX_DETAIL_LENGTH - 3) + "..." : detail;
		String address = AuditOrigin.address();
		this.entries.save(new AuditEntry(this.clock.instant().truncatedTo(ChronoUnit.MILLIS), actor,
				action.label(), target, shortDetail, address));
		// names and channels are valid ones by now, but details (reasons, broadcasts) are user text
		log.info("{} {} {}{}{}", actor, action.label(), (target != null) ? ChatText.forLog(target, 60) : "-",
				(shortDetail != null) ? ": " + ChatText.forLog(shortDetail, LOGGED_DETAIL_LENGTH) : "",
				(address != null) ? " (from " + address + ")" : "");
	}

	/**
	 * The latest entries, newest first.
	 * @param limit how many, at most {@link #MAX_LIMIT}
	 * @param before only entries with a smaller id (the next page), or {@code null} for the newest
	 */
	@Transactional(readOnly = true)
	public List<AuditRecord> recent(int limit, Long before) {
		Limit bounded = Limit.of(Math.max(1, Math.min(limit, MAX_LIMIT)));
		List<AuditEntry> page = (before == null) ? this.entries.findAllByOrderByIdDesc(bounded)
				: this.entries.findByIdLessThanOrderByIdDesc(before, bounded);
		return page.stream().map(AuditEntry::toRecord).toList();
	}

}
