package io.tcpchat.transport.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses a PROXY header is accepted from ({@code chat.tcp.trusted-proxies}): IP addresses and CIDR blocks
 * such as {@code 10.0.0.0/8} or {@code fd00::/8}, literals only (no host names: trust must not depend on DNS).
 */
public final class TrustedProxies {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final List<Block> blocks;

	private TrustedProxies(List<Block> blocks) {
		this.blocks = blocks;
	}

	/** @throws IllegalArgumentException naming the entry that is not an address or CIDR block */
	public static TrustedProxies of(List<String> entries) {
		return new TrustedProxies(entries.stream().map(String::strip).map(Block::parse).toList());
	}

	public boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	public boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		return this.blocks.stream().anyMatch(block -> block.contains(bytes));
	}

	@Override
	public String toString() {
		return this.blocks.toString();
	}

	private record Block(String text, byte[] network, int prefix) {

		static Block parse(String text) {
			int slash = text.indexOf('/');
			String address = (slash < 0) ? text : text.substring(0, slash);
			byte[] network = literal(address, text);
			int bits = network.length * 8;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(text.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException("chat.tcp.trusted-proxies: bad prefix length in '" + text + "'");
				}
			}
			return new Block(text, network, prefix);
		}

		private static byte[] literal(String address, String entry) {
			if (LITERAL.matcher(address).matches() && (address.contains(":") || address.chars().filter(c -> c == '.').count() == 3)) {
				try {
					return InetAddress.getByName(address.contains(":") ? "[" + address + "]" : address).getAddress();
				}
				catch (UnknownHostException ex) {
					// fall through
				}
			}
			throw new IllegalArgumentException(
					"chat.tcp.trusted-proxies: '" + entry + "' is not an IP address or CIDR block");
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int whole = this.prefix / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (address[whole] & mask) == (this.network[whole] & mask);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
