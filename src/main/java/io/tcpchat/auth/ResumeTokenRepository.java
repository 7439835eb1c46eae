package io.tcpchat.auth;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ResumeTokenRepository extends Repository<ResumeToken, Long> {

	ResumeToken save(ResumeToken token);

	/**
	 * Uses up a token: one statement, so of two clients racing with the same token exactly one gets 1. Native
	 * SQL because it runs on every {@code //resume}: Hibernate translates a JPQL delete into SQL again at each
	 * execution, which was a quarter of this statement's cost in the reconnect-storm profile.
	 * @return 1 if the account held this unexpired token (now gone), else 0
	 */
	@Modifying
	@NativeQuery("delete from resume_token where token_hash = :tokenHash and account_id = :accountId"
			+ " and expires_at > :now")
	int redeem(String tokenHash, long accountId, Instant now);

	@Modifying
	@Query("delete from ResumeToken t where t.accountId = :accountId")
	int deleteByAccount(long accountId);

	@Modifying
	@Query("delete from ResumeToken t where t.expiresAt <= :now")
	int deleteExpired(Instant now);

}
