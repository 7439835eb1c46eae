package io.tcpchat.messaging;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<StoredMessage, Long> {

	List<StoredMessage> saveAll(Iterable<StoredMessage> messages);

	List<StoredMessage> findByKindAndChannelOrderByIdDesc(StoredMessage.Kind kind, String channel, Limit limit);

	@Modifying
	@Query("delete from StoredMessage m where m.channel = :channel")
	int deleteByChannel(String channel);

}
