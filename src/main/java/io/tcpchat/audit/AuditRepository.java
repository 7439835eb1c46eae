package io.tcpchat.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	List<AuditEntry> findAllByOrderByIdDesc(Limit limit);

	List<AuditEntry> findByIdLessThanOrderByIdDesc(long id, Limit limit);

}
