package io.tcpchat.messaging;

import java.util.List;

import org.springframework.data.repository.Repository;

interface IgnoredUserRepository extends Repository<IgnoredUser, IgnoredUser.Key> {

	List<IgnoredUser> findByAccountId(long accountId);

	boolean existsByAccountIdAndIgnoredId(long accountId, long ignoredId);

	IgnoredUser save(IgnoredUser ignored);

	int deleteByAccountIdAndIgnoredId(long accountId, long ignoredId);

	int deleteByAccountIdOrIgnoredId(long accountId, long ignoredId);

	long countByAccountId(long accountId);

}
