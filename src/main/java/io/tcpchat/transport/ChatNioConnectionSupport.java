package io.tcpchat.transport;

import java.nio.channels.SocketChannel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;

class ChatNioConnectionSupport implements TcpNioConnectionSupport {

	private final QuietCheck quiet;

	ChatNioConnectionSupport(QuietCheck quiet) {
		this.quiet = quiet;
	}

	@Override
	public TcpNioConnection createNewConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
			ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
		return new ChatNioConnection(socketChannel, lookupHost, applicationEventPublisher, connectionFactoryName,
				this.quiet);
	}

}
