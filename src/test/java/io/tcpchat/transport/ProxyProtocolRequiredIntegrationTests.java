package io.tcpchat.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.ProxyHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** PROXY protocol in {@code required} mode: only the trusted proxy (127.0.0.2), and only with a header. */
@TestPropertySource(properties = { "chat.tcp.proxy-protocol=required", "chat.tcp.trusted-proxies=127.0.0.2/32",
		"chat.tcp.proxy-header-timeout=1s" })
class ProxyProtocolRequiredIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	private final List<ChatClient> opened = new ArrayList<>();

	@AfterEach
	void closeOpened() {
		this.opened.forEach(ChatClient::close);
		this.opened.clear();
	}

	@Test
	void aClientWithAHeaderFromTheProxyIsServed() throws IOException {
		ChatClient client = from("127.0.0.2");

		client.sendRaw(ProxyHeaders.v2("198.51.100.3", 50000));

		client.expectLine(line -> line.startsWith("? Username"));
	}

	@Test
	void aConnectionFromAnyoneElseIsClosedAtOnce() throws IOException {
		double before = refused("untrusted");

		ChatClient direct = from("127.0.0.1");

		direct.expectClosed();
		assertThat(direct.transcript()).isEmpty();
		assertThat(refused("untrusted")).isEqualTo(before + 1);
	}

	@Test
	void aConnectionFromTheProxyWithoutAHeaderIsRefused() throws IOException {
		double before = refused("missing");
		ChatClient client = from("127.0.0.2");

		client.send("//format json");

		client.expectClosed();
		assertThat(client.transcript()).isEmpty();
		assertThat(refused("missing")).isEqualTo(before + 1);
	}

	@Test
	void aConnectionFromTheProxyThatSendsNothingIsRefusedAtTheTimeout() throws IOException {
		double before = refused("timeout");

		ChatClient silent = from("127.0.0.2");

		silent.expectClosed();
		assertThat(silent.transcript()).isEmpty();
		assertThat(refused("timeout")).isEqualTo(before + 1);
	}

	private ChatClient from(String localAddress) throws IOException {
		ChatClient client = new ChatClient(new Socket("127.0.0.1", port(), InetAddress.getByName(localAddress), 0));
		this.opened.add(client);
		return client;
	}

	private double refused(String reason) {
		Counter counter = this.meters.find("chat.proxy.refused").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
