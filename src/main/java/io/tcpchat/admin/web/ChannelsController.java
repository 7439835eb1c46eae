package io.tcpchat.admin.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelInfo;
import io.tcpchat.channel.ChannelMembers;
import io.tcpchat.channel.ChannelModerators;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.channel.ChannelTopics;
import io.tcpchat.error.ChatException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/channels")
class ChannelsController {

	private final ChannelService channels;

	private final ChannelTopics topics;

	private final ChannelMembers members;

	private final ChannelModerators moderators;

	ChannelsController(ChannelService channels, ChannelTopics topics, ChannelMembers members,
			ChannelModerators moderators) {
		this.channels = channels;
		this.topics = topics;
		this.members = members;
		this.moderators = moderators;
	}

	@GetMapping
	List<ChannelView> list() {
		return this.channels.all().stream().map(ChannelView::of).toList();
	}

	/** No confirmation prompt here: the DELETE is the confirmation. */
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ApiResponse(responseCode = "404", description = "No such channel (code not-found)")
	@ApiResponse(responseCode = "409", description = "The default channel cannot be deleted (code forbidden)")
	void delete(ChatUser actor, @PathVariable String name) {
		this.channels.delete(actor, name);
	}

	/** The channel's members with their roles there (online or not: see {@code /api/users/online}). */
	@GetMapping("/{name}/members")
	@ApiResponse(responseCode = "404", description = "No such channel (code not-found)")
	List<ChannelMembers.Member> members(ChatUser actor, @PathVariable String name) {
		return this.members.of(actor, name);
	}

	/** Sets the topic; a blank topic or {@code -} clears it. */
	@PutMapping("/{name}/topic")
	@ApiResponse(responseCode = "404", description = "No such channel (code not-found)")
	TopicView topic(ChatUser actor, @PathVariable String name, @RequestBody TopicView topic) {
		return new TopicView(this.topics.set(actor, name, (topic == null) ? null : topic.topic()).orElse(null));
	}

	/** Gives the channel to one of its members. */
	@PutMapping("/{name}/owner")
	@ApiResponse(responseCode = "403", description = "The new owner is not a member (code forbidden)")
	@ApiResponse(responseCode = "404", description = "No such channel or user (code not-found)")
	OwnerView owner(ChatUser actor, @PathVariable String name, @RequestBody OwnerView owner) {
		if (owner == null || owner.owner() == null) {
			throw ChatException.invalid("The body names the new owner: {\"owner\": \"alice\"}.");
		}
		return new OwnerView(this.moderators.give(actor, owner.owner(), name));
	}

	record TopicView(String topic) {
	}

	record OwnerView(String owner) {
	}

	record ChannelView(String name, @JsonProperty("private") boolean isPrivate, String owner, long members,
			String topic) {

		static ChannelView of(ChannelInfo channel) {
			return new ChannelView(channel.name(), channel.isPrivate(), channel.owner(), channel.members(),
					channel.topic());
		}

	}

}
