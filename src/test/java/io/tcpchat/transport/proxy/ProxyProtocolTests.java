package io.tcpchat.transport.proxy;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.metrics.ChatMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProxyProtocolTests {

	@Test
	void refusesToStartWithoutTrustedProxies() {
		for (ChatProperties.ProxyProtocol mode : List.of(ChatProperties.ProxyProtocol.OPTIONAL,
				ChatProperties.ProxyProtocol.REQUIRED)) {
			ChatProperties.Tcp tcp = new ChatProperties.Tcp(true, 0, "127.0.0.1", 4096, mode, List.of(),
					Duration.ofSeconds(5));
			assertThatIllegalStateException()
				.isThrownBy(() -> new ProxyProtocol(tcp, null, new ChatMetrics(new SimpleMeterRegistry())))
				.withMessageContaining("chat.tcp.trusted-proxies");
		}
	}

}
