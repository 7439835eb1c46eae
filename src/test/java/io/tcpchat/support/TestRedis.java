package io.tcpchat.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared Redis of this machine (127.0.0.1:6379, or {@code -Dchat.test.redis.port}) for the cluster tests. It
 * is shared with other tests and other work: every test class uses keys and channels under a prefix of its own
 * ({@link #uniquePrefix}) and never flushes anything. Without a reachable Redis the tests are skipped on a laptop
 * and fail in CI ({@code CI=true}).
 */
public final class TestRedis {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = Integer.getInteger("chat.test.redis.port", 6379);

	private TestRedis() {
	}

	public static void assumeAvailable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 2000);
			socket.setSoTimeout(2000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(5);
			if (!"+PONG".equals(new String(reply, StandardCharsets.US_ASCII))) {
				throw new IOException("unexpected reply to PING: " + new String(reply, StandardCharsets.US_ASCII));
			}
		}
		catch (IOException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("Redis is required in CI but unreachable at " + HOST + ":" + PORT, ex);
			}
			Assumptions.abort("Redis not reachable at " + HOST + ":" + PORT + " (" + ex.getMessage()
					+ "): skipping the cluster tests");
		}
	}

	/** A key prefix no other test uses. */
	public static String uniquePrefix(String testName) {
		return "tcpchat-test-" + testName + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
