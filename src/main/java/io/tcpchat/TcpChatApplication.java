package io.tcpchat;

import java.util.Arrays;

import io.tcpchat.bench.BenchMain;
import io.tcpchat.client.ClientMain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One jar, three programs: the server (default), {@code client} (the terminal client) and {@code bench} (the load
 * generator). Client and bench start no server machinery.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TcpChatApplication {

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (mode) {
			case "client" -> System.exit(ClientMain.run(rest));
			case "bench" -> System.exit(BenchMain.run(rest));
			default -> ShutdownSignals.install(SpringApplication.run(TcpChatApplication.class, args));
		}
	}

}
