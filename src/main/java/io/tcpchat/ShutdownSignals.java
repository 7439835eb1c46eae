package io.tcpchat;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT close the application context (clients get {@code bye shutdown}, accepted messages are
 * written) and exit with Spring's exit code, 0 on a clean shutdown, instead of the JVM's 143. Installed as the
 * context is being prepared, so a signal that arrives while it is still starting is handled the same way.
 */
final class ShutdownSignals {

	private ShutdownSignals() {
	}

	static void install(ConfigurableApplicationContext context) {
		for (String name : new String[] { "TERM", "INT" }) {
			Signal.handle(new Signal(name), signal -> System.exit(SpringApplication.exit(context)));
		}
	}

}
