package io.tcpchat.transport;

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work the selector thread does per wake-up, counted: Spring Integration's factory looks at every connection,
 * the chat's only at the ones closed since the last wake-up.
 */
class ChatNioServerConnectionFactoryTests {

	private static final int CONNECTIONS = 1000;

	private final List<SocketChannel> channels = new ArrayList<>();

	@AfterEach
	void closeChannels() throws IOException {
		for (SocketChannel channel : this.channels) {
			channel.close();
		}
	}

	@Test
	void theStockFactoryLooksAtEveryConnectionOnAWakeUpThatSelectedNothing() throws IOException {
		CountingMap open = openChannels();
		Stock stock = new Stock();

		try (Selector selector = Selector.open()) {
			for (int i = 0; i < 10; i++) {
				stock.wakeUp(selector, open);
			}
		}

		assertThat(open.visited).isEqualTo(10L * CONNECTIONS);
	}

	@Test
	void theChatFactoryLooksAtNoOpenConnectionPerWakeUp() throws IOException {
		CountingMap open = openChannels();
		ChatNioServerConnectionFactory factory = new ChatNioServerConnectionFactory(0);
		factory.setSoTimeout(60_000);

		try (Selector selector = Selector.open()) {
			for (int i = 0; i < 10; i++) {
				// a wake-up with no key selected, as after every finished read
				factory.processNioSelections(0, selector, null, open);
			}
		}

		assertThat(open.visited).isZero();
		assertThat(factory.wakeUps()).isEqualTo(10);
		assertThat(factory.connectionsVisited()).isZero();
	}

	/**
	 * Spring Integration's factory as it is, without a socket timeout (with one it scans on every wake-up, and
	 * also times out each connection).
	 */
	static final class Stock extends TcpNioServerConnectionFactory {

		Stock() {
			super(0);
		}

		void wakeUp(Selector selector, Map<SocketChannel, TcpNioConnection> open) {
			processNioSelections(0, selector, null, open);
		}

	}

	private CountingMap openChannels() throws IOException {
		CountingMap open = new CountingMap();
		for (int i = 0; i < CONNECTIONS; i++) {
			SocketChannel channel = SocketChannel.open();
			this.channels.add(channel);
			open.put(channel, null);
		}
		return open;
	}

	/** The selector thread's map of connections, counting the entries anybody walks through. */
	static final class CountingMap extends HashMap<SocketChannel, TcpNioConnection> {

		long visited;

		@Override
		public Set<Map.Entry<SocketChannel, TcpNioConnection>> entrySet() {
			Set<Map.Entry<SocketChannel, TcpNioConnection>> entries = super.entrySet();
			return new java.util.AbstractSet<>() {

				@Override
				public Iterator<Map.Entry<SocketChannel, TcpNioConnection>> iterator() {
					Iterator<Map.Entry<SocketChannel, TcpNioConnection>> iterator = entries.iterator();
					return new Iterator<>() {

						@Override
						public boolean hasNext() {
							return iterator.hasNext();
						}

						@Override
						public Map.Entry<SocketChannel, TcpNioConnection> next() {
							CountingMap.this.visited++;
							return iterator.next();
						}

						@Override
						public void remove() {
							iterator.remove();
						}

					};
				}

				@Override
				public int size() {
					return entries.size();
				}

			};
		}

	}

}
