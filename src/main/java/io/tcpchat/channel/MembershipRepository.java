package io.tcpchat.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MembershipRepository extends Repository<Membership, Long> {

	Optional<Membership> findByChannelIdAndAccountId(Long channelId, long accountId);

	List<Membership> findAll();

	List<Membership> findByAccountIdAndKind(long accountId, Membership.Kind kind);

	long countByAccountIdAndKind(long accountId, Membership.Kind kind);

	long countByChannelIdAndKind(Long channelId, Membership.Kind kind);

	Membership save(Membership membership);

	void delete(Membership membership);

	@Modifying
	@Query("delete from Membership m where m.channelId = :channelId")
	void deleteByChannelId(Long channelId);

	@Modifying
	@Query("delete from Membership m where m.accountId = :accountId")
	void deleteByAccountId(long accountId);

}
