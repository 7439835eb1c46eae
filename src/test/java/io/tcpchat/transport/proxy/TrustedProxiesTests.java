package io.tcpchat.transport.proxy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	@Test
	void matchesSingleAddressesAndCidrBlocks() throws Exception {
		TrustedProxies trusted = TrustedProxies.of(List.of("127.0.0.2", "10.1.0.0/16", "172.16.0.0/12", "fd00::/8"));

		assertThat(trusted.contains(InetAddress.getByName("127.0.0.2"))).isTrue();
		assertThat(trusted.contains(InetAddress.getByName("127.0.0.3"))).isFalse();
		assertThat(trusted.contains(InetAddress.getByName("10.1.255.4"))).isTrue();
		assertThat(trusted.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
		assertThat(trusted.contains(InetAddress.getByName("172.31.9.9"))).isTrue();
		assertThat(trusted.contains(InetAddress.getByName("172.32.0.1"))).isFalse();
		assertThat(trusted.contains(InetAddress.getByName("fd12::1"))).isTrue();
		assertThat(trusted.contains(InetAddress.getByName("fe80::1"))).isFalse();
	}

	@Test
	void anIpv4MappedAddressIsTheIpv4Address() throws Exception {
		TrustedProxies trusted = TrustedProxies.of(List.of("::ffff:10.0.0.1"));

		assertThat(trusted.contains(InetAddress.getByName("10.0.0.1"))).isTrue();
	}

	@Test
	void refusesHostNamesAndBadPrefixes() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("haproxy.internal")))
			.withMessageContaining("haproxy.internal");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0/8")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x")));
	}

}
