package io.tcpchat.admin.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelInfo;
import io.tcpchat.channel.ChannelService;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/channels")
class ChannelsController {

	private final ChannelService channels;

	ChannelsController(ChannelService channels) {
		this.channels = channels;
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

	record ChannelView(String name, @JsonProperty("private") boolean isPrivate, String owner, long members) {

		static ChannelView of(ChannelInfo channel) {
			return new ChannelView(channel.name(), channel.isPrivate(), channel.owner(), channel.members());
		}

	}

}
