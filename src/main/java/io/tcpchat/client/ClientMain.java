package io.tcpchat.client;

/**
 * Entry point of the terminal client: {@code java -jar tcp-chat.jar client --host H --port P (--tls) (--user U)}.
 */
public final class ClientMain {

	private ClientMain() {
	}

	public static int run(String[] args) {
		System.err.println("The terminal client is not built yet.");
		return 2;
	}

}
