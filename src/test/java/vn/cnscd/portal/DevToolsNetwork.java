package vn.cnscd.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.json.Json;

/**
 * Chromium's DevTools network emulation for every page and service worker of the browser, over the
 * browser's own DevTools connection: offline, then online again. A page's emulation alone would leave its
 * service worker on the network, which is not what a phone without a connection does.
 */
final class DevToolsNetwork implements WebSocket.Listener {

	private static final Json JSON = new Json();

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();

	private final Map<String, String> sessions = new HashMap<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	static DevToolsNetwork connect(String debuggerAddress) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String version = http.send(HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Map<?, ?> about = JSON.toType(version, Map.class);
		String url = (String) about.get("webSocketDebuggerUrl");
		DevToolsNetwork network = new DevToolsNetwork();
		network.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), network).get(10, TimeUnit.SECONDS);
		return network;
	}

	/** Every page and service worker of the browser offline (or back online). */
	@SuppressWarnings("unchecked")
	void offline(boolean offline) throws Exception {
		List<Map<String, Object>> targets = (List<Map<String, Object>>) send("Target.getTargets", Map.of(), null)
			.get("targetInfos");
		for (Map<String, Object> target : targets) {
			String type = (String) target.get("type");
			if (!type.equals("page") && !type.equals("service_worker")) {
				continue;
			}
			String id = (String) target.get("targetId");
			String session = sessions.get(id);
			if (session == null) {
				session = (String) send("Target.attachToTarget", Map.of("targetId", id, "flatten", true), null)
					.get("sessionId");
				sessions.put(id, session);
				send("Network.enable", Map.of(), session);
			}
			send("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0, "downloadThroughput", -1,
					"uploadThroughput", -1), session);
		}
	}

	void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
	}

	private Map<String, Object> send(String method, Map<String, Object> params, String session) throws Exception {
		int id = ids.incrementAndGet();
		Map<String, Object> command = new HashMap<>(Map.of("id", id, "method", method, "params", params));
		if (session != null) {
			command.put("sessionId", session);
		}
		CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
		waiting.put(id, answer);
		socket.sendText(JSON.toJson(command), true).get(10, TimeUnit.SECONDS);
		return answer.get(10, TimeUnit.SECONDS);
	}

	@Override
	@SuppressWarnings("unchecked")
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			Map<String, Object> message = JSON.toType(partial.toString(), Map.class);
			partial.setLength(0);
			Object id = message.get("id");
			if (id instanceof Number number) {
				CompletableFuture<Map<String, Object>> answer = waiting.remove(number.intValue());
				if (answer != null) {
					if (message.containsKey("error")) {
						answer.completeExceptionally(new IllegalStateException(String.valueOf(message.get("error"))));
					}
					else {
						answer.complete((Map<String, Object>) message.getOrDefault("result", Map.of()));
					}
				}
			}
		}
		webSocket.request(1);
		return null;
	}

}
