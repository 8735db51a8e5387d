/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results of one harness run for one target: rows keyed by measurement, each either percentiles in
 * milliseconds or one value with its unit. Written as {@code TARGET[-SUFFIX].json} and a Markdown table beside it.
 */
final class Report {
    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ObjectNode root;
    private final ObjectNode rows;
    private final ObjectNode checks;
    private boolean failed;

    Report(String target, int messages) {
        root = JSON.createObjectNode();
        root.put("target", target);
        root.put("date", Instant.now().toString());
        root.put("messages", messages);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        rows = root.putObject("rows");
        checks = root.putObject("checks");
    }

    void latency(String key, String description, LatencyStats stats) {
        ObjectNode row = rows.putObject(key);
        row.put("description", description);
        row.put("unit", "ms");
        row.put("samples", stats.samples());
        row.put("p50", stats.p50());
        row.put("p90", stats.p90());
        row.put("p99", stats.p99());
        row.put("min", stats.min());
        row.put("max", stats.max());
        System.err.printf(
                Locale.ROOT,
                "%-28s p50 %9.3f  p90 %9.3f  p99 %9.3f ms  (%d runs)%n",
                key,
                stats.p50(),
                stats.p90(),
                stats.p99(),
                stats.samples());
    }

    void value(String key, String description, String unit, double value) {
        ObjectNode row = rows.putObject(key);
        row.put("description", description);
        row.put("unit", unit);
        row.put("value", value);
        System.err.printf(Locale.ROOT, "%-28s %12.3f %s%n", key, value, unit);
    }

    /** A search latency whose result count is checked against the generator's; a mismatch fails the run loudly. */
    void search(String key, String description, LatencyStats stats, long expected, long found) {
        latency(key, description, stats);
        check(key, expected, found);
    }

    /** A count the server must match exactly; a mismatch fails the run loudly. */
    void check(String key, long expected, long found) {
        ObjectNode check = checks.putObject(key);
        check.put("expected", expected);
        check.put("found", found);
        check.put("ok", expected == found);
        if (expected != found) {
            failed = true;
            System.err.println("!!! COUNT MISMATCH in " + key + ": expected " + expected + " messages, server"
                    + " returned " + found + " !!!");
        }
    }

    JsonNode json() {
        return root;
    }

    boolean failed() {
        return failed;
    }

    /** Writes {@code <target><suffix>.json} and {@code .md} into {@code dir}; returns the JSON path. */
    Path write(Path dir, String suffix) throws IOException {
        Files.createDirectories(dir);
        String name = root.get("target").asString() + suffix;
        Path json = dir.resolve(name + ".json");
        JSON.writeValue(json.toFile(), root);
        Files.writeString(dir.resolve(name + ".md"), markdown(root));
        return json;
    }

    static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(report.get("target").asString()).append(" | p50 | p90 | p99 | runs |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        Iterator<Map.Entry<String, JsonNode>> it =
                report.get("rows").properties().iterator();
        while (it.hasNext()) {
            JsonNode row = it.next().getValue();
            md.append("| ").append(row.get("description").asString()).append(" | ");
            if (row.has("value")) {
                md.append(format(row.get("value").asDouble()))
                        .append(' ')
                        .append(row.get("unit").asString())
                        .append(" | | | |\n");
            } else {
                md.append(format(row.get("p50").asDouble()))
                        .append(" ms | ")
                        .append(format(row.get("p90").asDouble()))
                        .append(" ms | ")
                        .append(format(row.get("p99").asDouble()))
                        .append(" ms | ")
                        .append(row.get("samples").asInt())
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** Three significant digits, thousands separated: enough for figures this noisy. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs >= 0.001 || abs == 0) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
