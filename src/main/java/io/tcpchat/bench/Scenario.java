package io.tcpchat.bench;

import java.util.Locale;

/**
 * The load shapes the generator knows, with their defaults. Every default can be overridden on the command line.
 */
enum Scenario {

	/** As many logged-in clients as asked for, doing nothing: connect/login rate and memory per connection. */
	IDLE("idle", 10_000, 1, 0, 0, 10),

	/** One channel of 2,000 members and a few senders: fan-out throughput and delivery latency. */
	FANOUT("fanout", 2_000, 1, 4, 100, 20),

	/** 10,000 clients in 1,000 channels of 10, one sender per channel. */
	MANY_CHANNELS("many-channels", 10_000, 1_000, 1_000, 1_000, 20),

	/** Point-to-point: every client sends direct messages to a partner. */
	DM("dm", 1_000, 0, 500, 1_000, 20),

	/** Connect, log in, quit, again and again. */
	CHURN("churn", 200, 0, 0, 0, 15),

	/**
	 * Reconnect storm: every client logs in with its password, the server restarts (a spawned one with bcrypt 10;
	 * against a running server: every client disconnects), then all come back with their resume tokens while a
	 * bystander sends; each client has a channel of its own, so only the bystander receives its messages.
	 */
	STORM("storm", 10_000, 10_000, 1, 20, 0),

	/** A few clients and messages, to prove the generator works (used by the smoke test). */
	SMOKE("smoke", 20, 2, 4, 16, 2);

	final String label;

	final int clients;

	final int channels;

	final int senders;

	/** Messages per second in total; 0 = as fast as the server accepts. */
	final double rate;

	final int seconds;

	Scenario(String label, int clients, int channels, int senders, double rate, int seconds) {
		this.label = label;
		this.clients = clients;
		this.channels = channels;
		this.senders = senders;
		this.rate = rate;
		this.seconds = seconds;
	}

	boolean sendsMessages() {
		return this != IDLE && this != CHURN && this != STORM;
	}

	static Scenario parse(String name) {
		for (Scenario scenario : values()) {
			if (scenario.label.equals(name.toLowerCase(Locale.ROOT))) {
				return scenario;
			}
		}
		throw new IllegalArgumentException("Unknown scenario '" + name + "'");
	}

}
