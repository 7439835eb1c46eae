package io.tcpchat.transport.websocket;

import java.io.IOException;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.tcpchat.presence.PresenceService;
import io.tcpchat.session.SessionRegistry;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.LineClient;
import io.tcpchat.support.RawWebSocket;
import io.tcpchat.support.WebSocketChatClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket listener without a browser: the same protocol in json from the first frame, the same sessions as
 * TCP, and every limit of TCP over WebSocket too.
 */
@TestPropertySource(properties = { "chat.limits.login-timeout=3s", "chat.limits.send-queue-bytes=64KB",
		"chat.limits.connections-per-ip=8" })
class WebSocketIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private PresenceService presence;

	@Autowired
	private SessionRegistry sessions;

	@Test
	void speaksJsonFromTheFirstFrameAndChatsWithTcpUsers() {
		WebSocketChatClient web = openWebSocket(null);
		JsonNode welcome = web.nextEvent();
		assertThat(welcome.path("type").asString()).isEqualTo("welcome");
		assertThat(welcome.path("registration").asString()).isEqualTo("open");
		assertThat(web.nextEvent().path("field").asString()).isEqualTo("username");
		String webName = uniqueName("webby");
		String tcpName = uniqueName("tcpy");
		web.register(webName, PASSWORD);
		ChatClient tcp = newUser(tcpName);

		web.send("hello from the browser");
		assertThat(tcp.expect("message", m -> m.path("from").asString().equals(webName)).path("text").asString())
			.isEqualTo("hello from the browser");
		tcp.send("hello from nc");
		assertThat(web.expect("message", m -> m.path("from").asString().equals(tcpName)).path("text").asString())
			.isEqualTo("hello from nc");
		tcp.send("//msg " + webName + " psst");
		assertThat(web.expect("dm").path("text").asString()).isEqualTo("psst");
		web.send("//msg " + tcpName + " psst back");
		assertThat(tcp.expect("dm", d -> d.path("from").asString().equals(webName)).path("text").asString())
			.isEqualTo("psst back");
	}

	@Test
	void pagesOfOtherOriginsAreRefusedAndTheServersOwnAccepted() {
		assertThatThrownBy(() -> openWebSocket("http://evil.example"))
			.satisfies(ex -> assertThat(handshakeStatus(ex)).isEqualTo(403));

		WebSocketChatClient sameOrigin = openWebSocket("http://127.0.0.1:" + httpPort());
		assertThat(sameOrigin.nextEvent().path("type").asString()).isEqualTo("welcome");
	}

	private static int handshakeStatus(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebSocketHandshakeException handshake) {
				return handshake.getResponse().statusCode();
			}
		}
		throw new AssertionError("not a refused handshake", failure);
	}

	@Test
	void aFrameOverTheLineLimitIsDiscardedAndTheConnectionStays() {
		WebSocketChatClient web = openWebSocket(null).register(uniqueName("big"), PASSWORD);

		web.send("x".repeat(4097));
		assertThat(web.expectError("line-too-long").path("text").asString()).contains("4096 bytes");
		web.send("é".repeat(2049));
		web.expectError("line-too-long");
		web.send("y".repeat(2_000_000));
		web.expectError("line-too-long");

		web.send("//msg #general " + "z".repeat(1990));
		assertThat(web.expect("message").path("text").asString()).hasSize(1990);
		assertThat(web.command("//whoami").path("data").path("user").asString()).startsWith("big");
	}

	@Test
	void controlCharactersAndLineBreaksInAFrameAreRemovedAsOnTcp() {
		String name = uniqueName("ctl");
		WebSocketChatClient web = openWebSocket(null).register(name, PASSWORD);

		web.send("a\u001b[31mb\nc\r\u0085d\te");

		// the listener drops the control characters; the messaging service's text rule (ChatText) makes the tab
		// a space, as it does for every way in
		assertThat(web.expect("message").path("text").asString()).isEqualTo("a[31mbcd e");
	}

	@Test
	void aClientThatStopsReadingIsDroppedWhileOthersGetEverything() throws IOException {
		String slowName = uniqueName("slowweb");
		try (RawWebSocket slow = RawWebSocket.connect(httpPort(), 4096)) {
			slow.sendText("//register " + slowName + " " + PASSWORD);
			await().until(() -> this.presence.isOnline(slowName));
			WebSocketChatClient webReader = openWebSocket(null).register(uniqueName("webreader"), PASSWORD);
			ChatClient tcpReader = newUser(uniqueName("tcpreader"));
			ChatClient admin = admin();

			String payload = "x".repeat(1900);
			int count = 1500;
			// the readers keep up batch by batch (on a busy machine, reading only at the end would let their own
			// queues pass the limit), while the slow client's queue only grows
			for (int i = 0; i < count; i++) {
				admin.send("//broadcast " + i + " " + payload);
				if (i % 20 == 19) {
					String last = i + " ";
					admin.expect("broadcast", b -> b.path("text").asString().startsWith(last));
					for (int j = i - 19; j <= i; j++) {
						String prefix = j + " ";
						webReader.expect("broadcast", b -> b.path("text").asString().startsWith(prefix));
						tcpReader.expect("broadcast", b -> b.path("text").asString().startsWith(prefix));
					}
				}
			}
			await().until(() -> !this.presence.isOnline(slowName));
			assertThat(webReader.command("//user-count").path("data").path("count").asInt()).isPositive();
		}
	}

	@Test
	void aBanEndsTheWebSocketAtOnceWithItsReason() {
		String name = uniqueName("banned");
		WebSocketChatClient web = openWebSocket(null).register(name, PASSWORD);

		admin().command("//ban " + name + " spamming links");

		assertThat(web.expectError("banned").path("text").asString()).contains("spamming links");
		assertThat(web.expect("bye").path("reason").asString()).isEqualTo("banned");
		web.expectClosed();
		assertThat(web.closeCode()).isEqualTo(1000);
		await().until(() -> !this.presence.isOnline(name));
	}

	@Test
	void aKickEndsTheWebSocketAtOnce() {
		String name = uniqueName("kicked");
		WebSocketChatClient web = openWebSocket(null).register(name, PASSWORD);

		admin().command("//kick " + name + " too loud");

		assertThat(web.expect("bye").path("reason").asString()).isEqualTo("kicked by admin: too loud");
		web.expectClosed();
	}

	@Test
	void aConnectionNotLoggedInInTimeIsClosed() {
		WebSocketChatClient web = openWebSocket(null);

		assertThat(web.expectError("not-logged-in").path("text").asString()).contains("too long");
		assertThat(web.expect("bye").path("reason").asString()).isEqualTo("login-timeout");
		web.expectClosed();
	}

	@Test
	void floodControlHoldsOverWebSocket() {
		WebSocketChatClient web = openWebSocket(null).register(uniqueName("flood"), PASSWORD);

		for (int i = 0; i < 30; i++) {
			web.send("wave " + i);
		}

		assertThat(web.expectError("rate-limited").path("text").asString()).contains("not sent");
	}

	@Test
	void webSocketsCountTowardsTheConnectionsOfAnAddress() {
		await().until(() -> this.sessions.size() == 0);
		List<LineClient> allowed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			allowed.add(connect());
			allowed.add(openWebSocket(null));
		}
		allowed.forEach(client -> client.expectLine(line -> line.contains("sername")));

		WebSocketChatClient refused = openWebSocket(null);

		assertThat(refused.expectError("rate-limited").path("text").asString()).contains("at most 8");
		assertThat(refused.expect("bye").path("reason").asString()).isEqualTo("too-many-connections");
		refused.expectClosed();
	}

	@Test
	void binaryFramesAreRefusedByClosingTheConnection() {
		WebSocketChatClient web = openWebSocket(null);
		web.expect("welcome");

		web.sendBinary(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));

		web.expectClosed();
		assertThat(web.closeCode()).isEqualTo(1003);
	}

	@Test
	void healthAndMetricsShowTheWebSocketListener() {
		openWebSocket(null).register(uniqueName("metered"), PASSWORD);

		JsonNode websocket = adminHttp().get("/actuator/health")
			.json()
			.path("components")
			.path("chatListeners")
			.path("components")
			.path("websocket");
		assertThat(websocket.path("status").asString()).isEqualTo("UP");
		assertThat(websocket.path("details").path("port").asInt()).isEqualTo(httpPort());
		String scrape = adminHttp().get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern("chat_connections_open\\{listener=\"websocket\"\\} [1-9]");
	}

}
