package io.tcpchat.channel;

/**
 * A channel as users and admins see it.
 */
public record ChannelInfo(String name, boolean isPrivate, String owner, long members) {
}
