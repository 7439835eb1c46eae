package io.tcpchat.presence;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PresenceNoticeRepository extends Repository<PresenceNotice, Long> {

	boolean existsById(Long accountId);

	PresenceNotice save(PresenceNotice notice);

	@Modifying
	@Query("delete from PresenceNotice n where n.accountId = :accountId")
	int deleteByAccountId(Long accountId);

}
