package io.tcpchat.bench;

import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON (for scripts and docs) and as a table (for people): the same nested map either way.
 */
final class BenchReport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private BenchReport() {
	}

	static String json(Map<String, Object> report) {
		return JSON.writeValueAsString(report);
	}

	static String table(Map<String, Object> report) {
		StringBuilder table = new StringBuilder();
		table.append(String.format("%-46s %s%n", "metric", "value"));
		table.append("-".repeat(78)).append('\n');
		rows(table, "", report);
		return table.toString();
	}

	private static void rows(StringBuilder table, String prefix, Map<?, ?> map) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = prefix + entry.getKey();
			Object value = entry.getValue();
			if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
				rows(table, key + ".", nested);
			}
			else if (value != null) {
				table.append(String.format("%-46s %s%n", key, (value instanceof Map) ? "-" : value));
			}
		}
	}

}
