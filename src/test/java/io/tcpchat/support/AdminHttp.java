package io.tcpchat.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
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

	/** The local address to send from; {@code null}: whatever the system picks. */
	private final String localAddress;

	private final int port;

	public AdminHttp(int port, String username, String password) {
		this(port, username, password, null);
	}

	public AdminHttp(int port, String username, String password, String localAddress) {
		this.port = port;
		this.baseUrl = "http://127.0.0.1:" + port;
		this.authorization = (username != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		this.localAddress = localAddress;
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
		if (this.localAddress != null) {
			return sendFromLocalAddress(method, path);
		}
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

	/**
	 * A bodiless HTTP/1.1 request over a socket bound to {@link #localAddress} (Java 17's HttpClient cannot choose
	 * its local address). Only the status is read.
	 */
	private Response sendFromLocalAddress(String method, String path) {
		try (Socket socket = new Socket("127.0.0.1", this.port, InetAddress.getByName(this.localAddress), 0)) {
			socket.setSoTimeout(30_000);
			String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n"
					+ ((this.authorization != null) ? "Authorization: " + this.authorization + "\r\n" : "")
					+ "Connection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
			return new Response(null, Integer.parseInt(statusLine.split(" ")[1]));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Response(HttpResponse<String> raw, int rawStatus) {

		Response(HttpResponse<String> raw) {
			this(raw, raw.statusCode());
		}

		public int status() {
			return this.rawStatus;
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
