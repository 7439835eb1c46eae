package io.tcpchat.messaging;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ReadMarkerRepository extends Repository<ReadMarker, Long> {

	List<ReadMarker> findByAccountId(long accountId);

	List<ReadMarker> findByAccountIdAndChannelIn(long accountId, Collection<String> channels);

	ReadMarker save(ReadMarker marker);

	/** Per channel with a marker: how many channel messages are newer than it (channels with none left out). */
	@Query("select m.channel, count(m) from StoredMessage m, ReadMarker r where r.accountId = :accountId"
			+ " and m.kind = io.tcpchat.messaging.StoredMessage.Kind.CHANNEL and m.channel = r.channel"
			+ " and m.id > r.lastReadId group by m.channel")
	List<Object[]> countUnread(long accountId);

	/** The newest message id per channel (channels without messages left out). */
	@Query("select m.channel, max(m.id) from StoredMessage m where m.kind = io.tcpchat.messaging.StoredMessage.Kind.CHANNEL"
			+ " and m.channel in :channels group by m.channel")
	List<Object[]> newestIds(Collection<String> channels);

	@Modifying
	@Query("delete from ReadMarker r where r.channel = :channel")
	void deleteByChannel(String channel);

	@Modifying
	@Query("delete from ReadMarker r where r.accountId = :accountId")
	void deleteByAccountId(long accountId);

}
