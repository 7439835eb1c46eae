package io.tcpchat.auth;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ResumeTokenRepository extends Repository<ResumeToken, Long> {

	ResumeToken save(ResumeToken token);

	/**
	 * Uses up a token: one statement, so of two clients racing with the same token exactly one gets 1.
	 * @return 1 if the account held this unexpired token (now gone), else 0
	 */
	@Modifying
	@Query("delete from ResumeToken t where t.tokenHash = :tokenHash and t.accountId = :accountId"
			+ " and t.expiresAt > :now")
	int redeem(String tokenHash, long accountId, Instant now);

	@Modifying
	@Query("delete from ResumeToken t where t.accountId = :accountId")
	int deleteByAccount(long accountId);

	@Modifying
	@Query("delete from ResumeToken t where t.expiresAt <= :now")
	int deleteExpired(Instant now);

}
