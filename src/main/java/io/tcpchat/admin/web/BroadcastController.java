package io.tcpchat.admin.web;

import java.util.Map;
import java.util.concurrent.CompletionException;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.command.CommandGate;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.messaging.MessageService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BroadcastController {

	private final MessageService messages;

	BroadcastController(MessageService messages) {
		this.messages = messages;
	}

	/** Answers once the broadcast is stored and handed to delivery, with its message id. */
	@PostMapping("/api/broadcast")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Long> broadcast(ChatUser actor, @Valid @RequestBody NewBroadcast request) {
		try {
			ChatEvent.Broadcast sent = this.messages.broadcast(actor.name(), request.message()).join();
			return Map.of("id", sent.id());
		}
		catch (CompletionException ex) {
			throw CommandGate.asChatException(ex);
		}
	}

	record NewBroadcast(@NotBlank String message) {
	}

}
