package io.tcpchat.messaging;

import java.util.ArrayList;
import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path reads no database: a channel message or a DM is checked in memory and costs one insert, in the
 * batched write. Counted by Hibernate's statistics, switched on for this test only.
 */
class HotPathIntegrationTests extends ChatIntegrationTest {

	/** Within the flood-control burst (20) with the warm-up. */
	private static final int MESSAGES = 9;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	private Statistics statistics;

	@BeforeEach
	void countStatements() {
		this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
	}

	@AfterEach
	void stopCounting() {
		this.statistics.setStatisticsEnabled(false);
	}

	@Test
	void channelMessagesAndDirectMessagesReadNothingFromTheDatabase() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//join #" + channel);
		b.command("//join #" + channel);
		// once each, so that the first look-up of bob's name is behind us
		a.send("//msg " + bob + " warm-up");
		b.expect("dm", m -> m.path("text").asString().equals("warm-up"));

		this.statistics.clear();
		this.statistics.setStatisticsEnabled(true);
		List<String> roomTexts = new ArrayList<>();
		List<String> directTexts = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			// mentions, of a known user and of a name nobody has, are resolved in memory too
			a.send("in the room " + i + " @" + bob + " @nobody_" + i);
			a.send("//msg " + bob + " direct " + i);
			roomTexts.add("in the room " + i + " @" + bob + " @nobody_" + i);
			directTexts.add("direct " + i);
		}
		// a channel and a DM recipient are delivered on their own lanes: each in order, not with each other
		List<String> roomReceived = new ArrayList<>();
		List<String> directReceived = new ArrayList<>();
		while (roomReceived.size() < MESSAGES || directReceived.size() < MESSAGES) {
			JsonNode event = b.nextEvent();
			String type = event.path("type").asString();
			if (type.equals("message") && event.path("text").asString().startsWith("in the room ")) {
				assertThat(event.path("mentions").toString()).isEqualTo("[\"" + bob + "\"]");
				roomReceived.add(event.path("text").asString());
			}
			else if (type.equals("dm") && event.path("text").asString().startsWith("direct ")) {
				assertThat(event.path("from").asString()).isEqualTo(alice);
				directReceived.add(event.path("text").asString());
			}
		}
		this.statistics.setStatisticsEnabled(false);

		assertThat(this.statistics.getQueryExecutionCount()).as("queries").isZero();
		assertThat(this.statistics.getEntityLoadCount()).as("entities loaded").isZero();
		assertThat(this.statistics.getEntityInsertCount()).as("inserts").isEqualTo(2L * MESSAGES);
		// every JDBC statement Hibernate prepared was an insert (one per batch written): no SELECT at all
		assertThat(this.statistics.getPrepareStatementCount()).as("statements").isBetween(1L, 2L * MESSAGES);
		assertThat(roomReceived).isEqualTo(roomTexts);
		assertThat(directReceived).isEqualTo(directTexts);
	}

}
