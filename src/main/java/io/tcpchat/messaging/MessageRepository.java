package io.tcpchat.messaging;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<StoredMessage, Long> {

	List<StoredMessage> saveAll(Iterable<StoredMessage> messages);

	Optional<StoredMessage> findById(long id);

	/** The sender's latest channel message or DM ({@code //edit last}). */
	Optional<StoredMessage> findFirstBySenderIdAndKindNotOrderByIdDesc(long senderId, StoredMessage.Kind kind);

	void delete(StoredMessage message);

	List<StoredMessage> findByKindAndChannelAndIdLessThanOrderByIdDesc(StoredMessage.Kind kind, String channel,
			long before, Limit limit);

	/** Both directions of the conversation between two accounts, newest first. */
	@Query("select m from StoredMessage m where m.kind = :kind and m.id < :before and ((m.senderId = :one"
			+ " and m.recipientId = :other) or (m.senderId = :other and m.recipientId = :one)) order by m.id desc")
	List<StoredMessage> findConversation(StoredMessage.Kind kind, long one, long other, long before, Limit limit);

	List<StoredMessage> findByRecipientIdAndDeliveredFalseOrderByIdDesc(long recipientId, Limit limit);

	/** How many undelivered DMs each sender left for the recipient: rows of (sender id, count). */
	@Query("select m.senderId, count(m) from StoredMessage m where m.recipientId = :recipientId"
			+ " and m.delivered = false group by m.senderId")
	List<Object[]> countUndeliveredBySender(long recipientId);

	@Modifying
	@Query("update StoredMessage m set m.delivered = true where m.recipientId = :recipientId and m.delivered = false"
			+ " and m.id <= :upTo")
	int markDelivered(long recipientId, long upTo);

	@Modifying
	@Query("delete from StoredMessage m where m.channel = :channel")
	int deleteByChannel(String channel);

}
