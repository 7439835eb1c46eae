package io.tcpchat.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ChannelRepository extends Repository<Channel, Long> {

	Optional<Channel> findByName(String name);

	List<Channel> findAllByOrderByNameAsc();

	List<Channel> findByIdInOrderByNameAsc(Collection<Long> ids);

	List<Channel> findByOwnerId(long ownerId);

	/** Channels nobody owns and nobody is a member of (the default channel has no owner either: skip it). */
	@Query("select c from Channel c where c.ownerId is null and not exists"
			+ " (select m from Membership m where m.channelId = c.id and m.kind = 'MEMBER')")
	List<Channel> findAbandoned();

	Channel save(Channel channel);

	void delete(Channel channel);

}
