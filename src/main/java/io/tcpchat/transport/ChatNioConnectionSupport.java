package io.tcpchat.transport;

import java.nio.channels.SocketChannel;

import io.tcpchat.transport.proxy.ProxyProtocol;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;

class ChatNioConnectionSupport implements TcpNioConnectionSupport {

	private final QuietCheck quiet;

	private final SequencingMessageMapper mapper;

	private final int maxLineBytes;

	private final ProxyProtocol proxyProtocol;

	private final boolean raw;

	ChatNioConnectionSupport(QuietCheck quiet, SequencingMessageMapper mapper, int maxLineBytes,
			ProxyProtocol proxyProtocol) {
		this(quiet, mapper, maxLineBytes, proxyProtocol, false);
	}

	/** @param raw lines are not cleaned (see {@link LineCodec#LineCodec(int, boolean)}) */
	ChatNioConnectionSupport(QuietCheck quiet, SequencingMessageMapper mapper, int maxLineBytes,
			ProxyProtocol proxyProtocol, boolean raw) {
		this.raw = raw;
		this.quiet = quiet;
		this.mapper = mapper;
		this.maxLineBytes = maxLineBytes;
		this.proxyProtocol = proxyProtocol;
	}

	@Override
	public TcpNioConnection createNewConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
			ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
		return new ChatNioConnection(socketChannel, lookupHost, applicationEventPublisher, connectionFactoryName,
				this.quiet, this.mapper, this.maxLineBytes, this.proxyProtocol, this.raw);
	}

}
