package io.tcpchat.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tcpchat.support.TestDatabase;
import io.tcpchat.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes started at the same moment on an empty database: all start, the schema is migrated once, there is
 * one default channel and one bootstrap admin, and the one generated password logged is the real one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterStartTests {

	private static final Pattern GENERATED = Pattern.compile("with generated password: (\\S+)");

	/**
	 * Three applications in one JVM share one Logback context, and Spring Boot's set-up of it is not meant to run
	 * three times at once ("Unable to find Spring Environment in logger context"): the starts take turns until the
	 * logging is set up, then refresh their contexts (Flyway, the admin, the default channel) at the same time.
	 * Separate JVMs (real nodes) have no such turn.
	 */
	private static final Semaphore LOGGING_SET_UP = new Semaphore(1);

	private static final class OneLoggingSetUpAtATime implements ApplicationListener<SpringApplicationEvent>, Ordered {

		private boolean holding;

		@Override
		public void onApplicationEvent(SpringApplicationEvent event) {
			if (event instanceof ApplicationStartingEvent) {
				LOGGING_SET_UP.acquireUninterruptibly();
				this.holding = true;
			}
			else if ((event instanceof ApplicationContextInitializedEvent || event instanceof ApplicationFailedEvent)
					&& this.holding) {
				this.holding = false;
				LOGGING_SET_UP.release();
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	@Test
	void threeNodesStartTogetherOnAnEmptyDatabase(CapturedOutput output) throws Exception {
		TestDatabase.assumeMariaDbAvailable();
		TestRedis.assumeAvailable();
		String database = TestDatabase.createMariaDbDatabase();
		Map<String, Object> cluster = ClusterNode.cluster(database, TestRedis.uniquePrefix("start"));
		cluster.put("chat.admin.password", "");
		List<ClusterNode> nodes = new ArrayList<>();
		ExecutorService starters = Executors.newFixedThreadPool(3);
		try {
			List<Future<ClusterNode>> starting = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				String id = "start-" + i;
				starting.add(starters.submit(() -> ClusterNode.start(id, cluster, new OneLoggingSetUpAtATime())));
			}
			List<Exception> failures = new ArrayList<>();
			for (Future<ClusterNode> node : starting) {
				try {
					nodes.add(node.get(5, TimeUnit.MINUTES));
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}
			assertThat(failures).as("nodes that failed to start").isEmpty();

			Matcher generated = GENERATED.matcher(output.getOut());
			// three contexts in one JVM: each log line may be printed once per context's console appender
			Set<String> passwords = new LinkedHashSet<>();
			while (generated.find()) {
				passwords.add(generated.group(1));
			}
			assertThat(passwords).as("generated admin passwords logged").hasSize(1);
			String password = passwords.iterator().next();
			for (ClusterNode node : nodes) {
				JsonNode channels = node.connect()
					.login("admin", password)
					.command("//channels")
					.path("data")
					.path("channels");
				assertThat(channels.valueStream().map(c -> c.path("name").asString())).containsOnlyOnce("general");
			}
		}
		finally {
			starters.shutdownNow();
			nodes.forEach(ClusterNode::close);
			TestDatabase.dropMariaDbDatabase(database);
		}
	}

}
