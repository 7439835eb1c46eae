package io.tcpchat.channel;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the default channel before any listener accepts a connection, deletes channels left with neither
 * owner nor members, and loads the channels into memory.
 */
@Component
class DefaultChannelInitializer implements SmartInitializingSingleton {

	private final ChannelService channels;

	DefaultChannelInitializer(ChannelService channels) {
		this.channels = channels;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.channels.ensureDefaultChannel();
		this.channels.deleteAbandoned();
		this.channels.loadDirectory();
	}

}
