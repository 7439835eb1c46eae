package io.tcpchat.config;

import java.nio.file.Files;

import io.tcpchat.TcpChatApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSupportTests {

	@Test
	void aNodeAskedToClusterRefusesToStartAloneWithAClearReason() throws Exception {
		String dataDir = Files.createTempDirectory("tcp-chat-cluster").toString();

		assertThatThrownBy(() -> new SpringApplicationBuilder(TcpChatApplication.class).run("--chat.cluster.enabled=true",
				"--chat.tcp.port=0", "--server.port=0", "--chat.data-dir=" + dataDir, "--chat.admin.password=admin-secret-1"))
			.hasRootCauseMessage("chat.cluster.enabled=true: clustering through Redis is not available in this "
					+ "version yet. Run a single node (chat.cluster.enabled=false).");
	}

}
