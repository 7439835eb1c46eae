package io.tcpchat.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ChannelRepository extends Repository<Channel, Long> {

	Optional<Channel> findByName(String name);

	List<Channel> findAllByOrderByNameAsc();

	List<Channel> findByIdInOrderByNameAsc(Collection<Long> ids);

	Channel save(Channel channel);

	void delete(Channel channel);

}
