/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges harness result files into one Markdown table: a row per measurement, a column per target, each cell the
 * median (with the 99th percentile) or the value, and its ratio to a reference target.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.harness.CompareReport \
 *     --reference dovecot --label dovecot="Dovecot 2.3" results/*.json
 * }</pre>
 *
 * <p>Files of the same target (its {@code target} field) are merged, so start time, index build time and the main run
 * can come from separate files.
 */
public final class CompareReport {
    /** Rows in reading order: cost of getting a mailbox ready, then latencies, then load. */
    private static final List<String> ROW_ORDER = List.of(
            "seedRate",
            "indexBuild",
            "startToGreeting",
            "connectLoginListStatus",
            "connectSelectFetch50",
            "searchRare",
            "searchCommon",
            "fetchLargeBody",
            "deliveryToIdle",
            "mixedThroughput",
            "mixedLatency",
            "mixedErrors",
            "rssIdle",
            "rssLoad");

    private CompareReport() {}

    public static void main(String[] args) throws IOException {
        String reference = null;
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, ObjectNode> targets = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reference" -> reference = args[++i];
                case "--label" -> {
                    String[] pair = args[++i].split("=", 2);
                    labels.put(pair[0], pair[1]);
                }
                default ->
                    merge(targets, (ObjectNode)
                            Report.JSON.readTree(Path.of(args[i]).toFile()));
            }
        }
        System.out.print(table(targets, labels, reference));
    }

    private static void merge(Map<String, ObjectNode> targets, ObjectNode report) {
        String name = report.get("target").asString();
        ObjectNode merged = targets.get(name);
        if (merged == null) {
            targets.put(name, report);
            return;
        }
        ((ObjectNode) merged.get("rows")).setAll((ObjectNode) report.get("rows"));
        ((ObjectNode) merged.get("checks")).setAll((ObjectNode) report.get("checks"));
    }

    static String table(Map<String, ObjectNode> targets, Map<String, String> labels, String reference) {
        // Labelled targets first, in the order they were labelled.
        Set<String> ordered = new LinkedHashSet<>(labels.keySet());
        ordered.retainAll(targets.keySet());
        ordered.addAll(targets.keySet());
        List<String> names = new ArrayList<>(ordered);
        Set<String> keys = new LinkedHashSet<>();
        targets.values().forEach(t -> t.get("rows").propertyNames().forEach(keys::add));
        List<String> rows = new ArrayList<>(keys);
        rows.sort(java.util.Comparator.comparingInt(
                k -> ROW_ORDER.contains(k) ? ROW_ORDER.indexOf(k) : ROW_ORDER.size()));
        JsonNode ref = reference == null ? null : targets.get(reference);
        StringBuilder md = new StringBuilder("| measurement |");
        names.forEach(n -> md.append(' ').append(labels.getOrDefault(n, n)).append(" |"));
        md.append("\n|---|");
        names.forEach(n -> md.append("---:|"));
        md.append('\n');
        for (String key : rows) {
            String description = targets.values().stream()
                    .map(t -> t.get("rows").get(key))
                    .filter(r -> r != null)
                    .findFirst()
                    .orElseThrow()
                    .get("description")
                    .asString();
            md.append("| ").append(description).append(" |");
            JsonNode refRow = ref == null ? null : ref.get("rows").get(key);
            for (String name : names) {
                JsonNode target = targets.get(name);
                md.append(' ').append(cell(target.get("rows").get(key), refRow, name.equals(reference)));
                md.append(check(target.get("checks").get(key))).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(JsonNode row, JsonNode refRow, boolean isReference) {
        if (row == null) {
            return "—";
        }
        double main = headline(row);
        String text = row.has("value")
                ? Report.format(main) + " " + row.get("unit").asString()
                : Report.format(main) + " ms (p99 "
                        + Report.format(row.get("p99").asDouble()) + ")";
        if (refRow != null && !isReference && headline(refRow) > 0 && !Double.isNaN(main)) {
            text += " ×" + Report.format(main / headline(refRow));
        }
        return text;
    }

    private static double headline(JsonNode row) {
        return row.has("value") ? row.get("value").asDouble() : row.get("p50").asDouble();
    }

    private static String check(JsonNode check) {
        if (check == null || check.get("ok").asBoolean()) {
            return "";
        }
        return " ⚠ found " + check.get("found").asLong() + " of "
                + check.get("expected").asLong();
    }
}
