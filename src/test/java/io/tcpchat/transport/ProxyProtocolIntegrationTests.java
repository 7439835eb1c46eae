package io.tcpchat.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.ProxyHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PROXY protocol in {@code optional} mode, with raw sockets playing the proxy: 127.0.0.2 is the trusted proxy,
 * everything else (the tests' usual 127.0.0.1) a direct client.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "chat.tcp.proxy-protocol=optional", "chat.tcp.trusted-proxies=127.0.0.2",
		"chat.tcp.proxy-header-timeout=2s", "chat.limits.connections-per-ip=2", "chat.tls.enabled=true",
		"chat.tls.port=0" })
class ProxyProtocolIntegrationTests extends ChatIntegrationTest {

	static final String PROXY = "127.0.0.2";

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ChatProperties properties;

	private final List<AutoCloseable> opened = new ArrayList<>();

	@AfterEach
	void closeOpened() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		this.opened.clear();
	}

	@Test
	void theConnectionLimitCountsTheClientAProxyNames() {
		ChatClient first = throughProxy(ProxyHeaders.v1("203.0.113.9", 40001));
		ChatClient second = throughProxy(ProxyHeaders.v2("203.0.113.9", 40002));
		first.expectLine(line -> line.startsWith("? Username"));
		second.expectLine(line -> line.startsWith("? Username"));

		ChatClient third = throughProxy(ProxyHeaders.v1("203.0.113.9", 40003));
		ChatClient other = throughProxy(ProxyHeaders.v2("203.0.113.10", 40004));

		assertThat(third.expectLine(line -> line.startsWith("* bye"))).contains("too-many-connections");
		other.expectLine(line -> line.startsWith("? Username"));
	}

	@Test
	void loginFailuresAreLoggedWithTheClientsAddress(CapturedOutput output) {
		ChatClient client = throughProxy(ProxyHeaders.v2("2001:db8::42", 40010)).json();

		client.send("//login nobody_" + System.nanoTime() + " wrong-password");

		client.expectError("bad-credentials");
		await().until(() -> output.getOut().contains("from 2001:db8:0:0:0:0:0:42"));
	}

	@Test
	void auditAndOnlineSessionsShowTheClientTheProxyNamed() {
		ChatClient admin = throughProxy(ProxyHeaders.v1("203.0.113.77", 40020)).login("admin", ADMIN_PASSWORD);

		admin.command("//broadcast through the proxy");

		JsonNode audited = null;
		for (JsonNode entry : adminHttp().get("/api/audit?limit=20").json()) {
			if (entry.path("detail").asString().equals("through the proxy")) {
				audited = entry;
			}
		}
		assertThat(audited).isNotNull();
		assertThat(audited.path("address").asString()).isEqualTo("203.0.113.77");
		JsonNode online = adminHttp().get("/api/users/online").json();
		assertThat(online.valueStream()
			.filter(user -> user.path("username").asString().equals("admin"))
			.flatMap(user -> user.path("connections").valueStream())
			.map(session -> session.path("address").asString())).contains("203.0.113.77");
	}

	@Test
	void aV2LocalHeaderKeepsTheProxysAddress() {
		double before = count("chat.proxy.headers", "kind", "local");

		ChatClient check = throughProxy(ProxyHeaders.v2Local()).json();

		assertThat(check.command("//help").path("data").path("commands").size()).isGreaterThan(5);
		assertThat(count("chat.proxy.headers", "kind", "local")).isEqualTo(before + 1);
	}

	@Test
	void aHeaderFromAnAddressThatIsNoTrustedProxyIsRefused() throws IOException {
		for (byte[] header : List.of(ProxyHeaders.v1("203.0.113.66", 1), ProxyHeaders.v2("203.0.113.66", 1))) {
			double before = refused("untrusted");
			ChatClient spoofer = from("127.0.0.1", this.listeners.port("plain"));

			spoofer.sendRaw(header);

			spoofer.expectClosed();
			assertThat(refused("untrusted")).isEqualTo(before + 1);
		}
	}

	@Test
	void directClientsNeedNoHeader() throws IOException {
		ChatClient direct = from("127.0.0.1", port());
		direct.expectLine(line -> line.startsWith("? Username"));

		// from the proxy's own address, speaking first: the first bytes are no header, so they are data
		ChatClient local = from(PROXY, port());
		local.send("//format json");
		assertThat(local.expect("reply").path("command").asString()).isEqualTo("format");

		// from the proxy's address, waiting for the welcome: served once the header timeout has passed
		ChatClient waiting = from(PROXY, port());
		waiting.expectLine(line -> line.startsWith("? Username"));
	}

	@Test
	void malformedAndOversizedHeadersAreRefused() {
		assertRefused("PROXY TCP4 203.0.113.7 10.0.0.1 99999 7777\r\n".getBytes(StandardCharsets.US_ASCII),
				"malformed");
		assertRefused(("PROXY TCP4 " + "9".repeat(120) + "\r\n").getBytes(StandardCharsets.US_ASCII), "oversized");
		byte[] tooLong = ProxyHeaders.v2("203.0.113.7", 1);
		tooLong[14] = (byte) 0x7F;
		assertRefused(tooLong, "oversized");
	}

	@Test
	void aHeaderThatNeverEndsIsRefusedAtTheTimeout() {
		double before = refused("timeout");
		ChatClient slow = throughProxy("PROXY TCP4 203.0.".getBytes(StandardCharsets.US_ASCII));

		slow.expectClosed();

		assertThat(slow.transcript()).isEmpty();
		assertThat(refused("timeout")).isEqualTo(before + 1);
	}

	@Test
	void overTlsTheHeaderComesBeforeTheHandshake(CapturedOutput output) throws Exception {
		Socket socket = new Socket("127.0.0.1", this.listeners.port("tls"), InetAddress.getByName(PROXY), 0);
		this.opened.add(socket);
		socket.getOutputStream().write(ProxyHeaders.v1("192.0.2.77", 40020));
		X509Certificate certificate = TestCertificates.generatedCertificate(this.properties.dataDir());
		ChatClient client = new ChatClient(TestCertificates.handshake(socket, certificate));
		this.opened.add(client);

		client.json().send("//login nobody_" + System.nanoTime() + " wrong-password");

		client.expectError("bad-credentials");
		await().until(() -> output.getOut().contains("from 192.0.2.77"));
	}

	@Test
	void overTlsADirectClientNeedsNoHeader() throws Exception {
		X509Certificate certificate = TestCertificates.generatedCertificate(this.properties.dataDir());
		ChatClient client = new ChatClient(TestCertificates.connect(this.listeners.port("tls"), certificate));
		this.opened.add(client);

		client.json();

		assertThat(client.command("//help").path("data").path("commands").size()).isGreaterThan(5);
	}

	@Test
	void overTlsAHeaderFromAnUntrustedAddressIsRefused() throws Exception {
		double before = refused("untrusted");
		Socket socket = new Socket("127.0.0.1", this.listeners.port("tls"));
		this.opened.add(socket);

		socket.getOutputStream().write(ProxyHeaders.v2("192.0.2.78", 1));

		assertThat(socket.getInputStream().read()).isEqualTo(-1);
		assertThat(refused("untrusted")).isEqualTo(before + 1);
	}

	private void assertRefused(byte[] header, String reason) {
		double before = refused(reason);
		ChatClient client = throughProxy(header);

		client.expectClosed();

		assertThat(client.transcript()).isEmpty();
		assertThat(refused(reason)).isEqualTo(before + 1);
	}

	/** A connection from the trusted proxy's address that starts with {@code header}. */
	private ChatClient throughProxy(byte[] header) {
		try {
			ChatClient client = from(PROXY, port());
			client.sendRaw(header);
			return client;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ChatClient from(String localAddress, int port) throws IOException {
		ChatClient client = new ChatClient(new Socket("127.0.0.1", port, InetAddress.getByName(localAddress), 0));
		this.opened.add(client);
		return client;
	}

	private double refused(String reason) {
		return count("chat.proxy.refused", "reason", reason);
	}

	private double count(String name, String tag, String value) {
		Counter counter = this.meters.find(name).tag(tag, value).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
