package io.tcpchat.transport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployment files agree with each other and with what the tests run: compose.yaml sets every variable the
 * shipped haproxy.cfg uses, its nodes trust exactly its HAProxy, and the Dockerfile follows the operations and
 * performance docs. (No Docker daemon here: nothing is built or started.)
 */
class DockerFilesTests {

	private static final Path DOCKER = Path.of("docker");

	@Test
	void composeSetsEveryVariableOfTheHAProxyConfig() throws IOException {
		Map<String, Object> haproxy = service("haproxy");

		assertThat(environment(haproxy).keySet()).containsAll(haproxyVariables());
		assertThat(strings(haproxy.get("volumes"))).contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
	}

	@Test
	void composeNodesAreClusteredAndTrustOnlyTheirHAProxy() throws IOException {
		Map<String, Object> haproxy = service("haproxy");
		Map<?, ?> network = (Map<?, ?>) ((Map<?, ?>) haproxy.get("networks")).get("chat");
		String haproxyAddress = (String) network.get("ipv4_address");
		Map<String, Object> haproxyEnvironment = environment(haproxy);
		Set<String> nodeIds = new TreeSet<>();
		for (String node : List.of("chat1", "chat2")) {
			Map<String, Object> environment = environment(service(node));
			assertThat(environment).containsEntry("CHAT_CLUSTER_ENABLED", "true")
				.containsEntry("CHAT_TCP_PROXY_PROTOCOL", "required")
				.containsEntry("CHAT_TCP_TRUSTED_PROXIES", haproxyAddress)
				.containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATA_REDIS_HOST", "CHAT_ADMIN_PASSWORD");
			nodeIds.add((String) environment.get("CHAT_NODE_ID"));
			assertThat(haproxyEnvironment.values()).contains(node + ":7777", node + ":7778");
		}
		assertThat(nodeIds).containsExactly("chat1", "chat2");
	}

	@Test
	void theHAProxyConfigIsValidWithComposesVariables() throws Exception {
		Path binary = Path.of("/usr/sbin/haproxy");
		assumeTrue(Files.isExecutable(binary) || "true".equalsIgnoreCase(System.getenv("CI")),
				"haproxy is not installed (apt-get install haproxy): check skipped");
		ProcessBuilder check = new ProcessBuilder(binary.toString(), "-c", "-f",
				DOCKER.resolve("haproxy.cfg").toString())
			.redirectErrorStream(true);
		environment(service("haproxy")).forEach((name, value) -> check.environment().put(name, value.toString()));
		Process process = check.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	@Test
	void theImageFollowsTheOperationsDocs() throws IOException {
		String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

		assertThat(dockerfile).contains("-Djarmode=tools", "FROM eclipse-temurin:17-jre", "USER chat",
				"-XX:+UseZGC", "-XX:MaxRAMPercentage=", "/actuator/health/readiness");
		assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK ");
	}

	private static Set<String> haproxyVariables() throws IOException {
		Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(Files.readString(DOCKER.resolve("haproxy.cfg")));
		Set<String> names = new TreeSet<>();
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		assertThat(names).contains("CHAT_BIND", "CHAT_NODE1", "CHECK_INTERVAL");
		return names;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(String name) throws IOException {
		try (Reader reader = Files.newBufferedReader(DOCKER.resolve("compose.yaml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			Map<String, Object> services = (Map<String, Object>) compose.get("services");
			assertThat(services).containsKey(name);
			return (Map<String, Object>) services.get(name);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

	private static List<String> strings(Object list) {
		List<String> strings = new ArrayList<>();
		((List<?>) list).forEach(item -> strings.add(item.toString()));
		return strings;
	}

}
