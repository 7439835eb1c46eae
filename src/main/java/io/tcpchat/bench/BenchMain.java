package io.tcpchat.bench;

/**
 * Entry point of the load generator: {@code java -jar tcp-chat.jar bench <scenario> ...}.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static int run(String[] args) {
		System.err.println("The load generator is not built yet.");
		return 2;
	}

}
