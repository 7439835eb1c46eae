package io.tcpchat.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

/**
 * A real HTTP client for the REST API and Actuator, with HTTP Basic credentials.
 */
public final class AdminHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String authorization;

	public AdminHttp(int port, String username, String password) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.authorization = (username != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
	}

	public Response get(String path) {
		return send("GET", path, BodyPublishers.noBody());
	}

	public Response delete(String path) {
		return send("DELETE", path, BodyPublishers.noBody());
	}

	public Response post(String path, String json) {
		return send("POST", path, BodyPublishers.ofString(json));
	}

	public Response put(String path, String json) {
		return send("PUT", path, BodyPublishers.ofString(json));
	}

	private Response send(String method, String path, BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, body);
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			return new Response(CLIENT.send(request.build(), BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return ChatClient.parse(this.raw.body());
		}

		public String contentType() {
			return this.raw.headers().firstValue("Content-Type").orElse("");
		}

	}

}
