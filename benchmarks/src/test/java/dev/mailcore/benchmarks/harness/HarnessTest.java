/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.imap.ImapServer;
import dev.mailcore.smtp.SmtpMode;
import dev.mailcore.smtp.SmtpServer;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The harness against Mailcore's own IMAP and SMTP servers on the in-memory store. */
class HarnessTest {
    private static final String USER = "demo@localhost";
    private static final String PASSWORD = "harness-secret";

    private final MemoryMetadataStore metadata = new MemoryMetadataStore();
    private final MemoryBlobStore blobs = new MemoryBlobStore();
    private final ScanSearchIndex index = new ScanSearchIndex();
    private final InJvmEventBus events = new InJvmEventBus();
    private final MemoryDirectory directory = MemoryDirectory.builder()
            .domain("localhost")
            .user(USER, PASSWORD)
            .pbkdf2Iterations(1_000)
            .build();
    private final MailEngine engine = MailEngine.builder()
            .metadataStore(metadata)
            .blobStore(blobs)
            .searchIndex(index)
            .directory(directory)
            .eventBus(events)
            .build();
    private ImapServer imap;
    private SmtpServer smtp;

    @TempDir
    Path out;

    @BeforeEach
    void start() {
        imap = ImapServer.builder().store(engine).directory(directory).port(0).build();
        smtp = SmtpServer.builder()
                .store(engine)
                .directory(directory)
                .mode(SmtpMode.MX)
                .port(0)
                .build();
        imap.start();
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.close();
        imap.close();
        engine.close();
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }

    @Test
    void seedsOnceThenMeasuresEveryScenarioWithCheckedSearchCounts() throws Exception {
        HarnessOptions options = options();
        MessageGenerator generator = new MessageGenerator(options.seed(), options.messages());

        assertThat(Seeder.seed(options, generator, java.time.Duration.ofMinutes(2))
                        .appended())
                .isEqualTo(40);
        assertThat(Seeder.seed(options, generator, java.time.Duration.ofMinutes(2))
                        .appended())
                .isZero();

        Report report = new Report(options.target(), options.messages());
        new LatencyScenarios(options, generator, report).runAll();
        JsonNode json = Report.JSON.readTree(report.write(out, "").toFile());

        assertThat(report.failed()).isFalse();
        assertThat(json.get("rows").propertyNames())
                .contains(
                        "connectLoginListStatus",
                        "connectSelectFetch50",
                        "searchRare",
                        "searchCommon",
                        "fetchLargeBody",
                        "deliveryToIdle");
        assertThat(json.get("rows").get("deliveryToIdle").get("samples").asInt())
                .isEqualTo(options.runs());
        assertThat(json.get("checks").get("searchRare").get("found").asLong()).isEqualTo(3);
        assertThat(json.get("checks").get("searchCommon").get("found").asLong()).isEqualTo(20);
        assertThat(out.resolve("mailcore.md")).content().contains("UID SEARCH TEXT, rare word");
    }

    @Test
    void mixedWorkloadCompletesOperationsWithoutErrors() throws Exception {
        HarnessOptions options = options();
        Seeder.seed(options, new MessageGenerator(options.seed(), options.messages()), java.time.Duration.ofMinutes(2));

        MixedWorkload.Outcome outcome = new MixedWorkload(options).run();

        assertThat(outcome.errors()).isZero();
        assertThat(outcome.operations()).isPositive();
    }

    @Test
    void ingestGrowsTheInboxByExactlyTheAcceptedMessages() throws Exception {
        HarnessOptions options = HarnessOptions.parse(new String[] {
            "--target", "mailcore",
            "--imap", "127.0.0.1:" + imap.port(),
            "--smtp", "127.0.0.1:" + smtp.port(),
            "--user", USER,
            "--password", PASSWORD,
            "--scenario", "ingest",
            "--warmup", "1",
            "--runs", "3",
            "--clients", "2",
            "--seconds", "2",
            "--out", out.toString()
        });
        Report report = new Report(options.target(), options.messages());

        IngestScenario.Outcome outcome =
                new IngestScenario(options, new MessageGenerator(options.seed(), options.messages())).run(report);
        JsonNode json = Report.JSON.readTree(report.write(out, "-ingest").toFile());

        assertThat(report.failed()).isFalse();
        assertThat(outcome.errors()).isZero();
        assertThat(outcome.accepted()).isPositive();
        assertThat(outcome.inboxAfter() - outcome.inboxBefore()).isEqualTo(outcome.accepted());
        assertThat(outcome.octets()).isGreaterThanOrEqualTo(outcome.accepted() * IngestScenario.MESSAGE_OCTETS);
        assertThat(json.get("checks").get("ingestInboxGrowth").get("ok").asBoolean())
                .isTrue();
        assertThat(json.get("rows").propertyNames())
                .contains("ingestMessages", "ingestMegabytes", "ingestLatency", "deliveryToIdle");
    }

    @Test
    void holdsIdleConnectionsAndReportsTheServersHeapPerConnection() throws Exception {
        HarnessOptions options = HarnessOptions.parse(new String[] {
            "--target",
            "mailcore",
            "--imap",
            "127.0.0.1:" + imap.port(),
            "--user",
            USER,
            "--password",
            PASSWORD,
            "--scenario",
            "idle-connections",
            "--connections",
            "20",
            // The server runs in this JVM.
            "--pid",
            Long.toString(ProcessHandle.current().pid()),
            "--out",
            out.toString()
        });
        Report report = new Report(options.target(), options.messages());

        new IdleConnectionsScenario(options).run(report);
        JsonNode json = Report.JSON.readTree(report.write(out, "-idle").toFile());

        assertThat(json.get("rows").propertyNames())
                .contains("idleConnections", "heapBefore", "heapAfter", "heapPerIdleConnection");
        assertThat(json.get("rows").get("idleConnections").get("value").asInt()).isEqualTo(20);
    }

    @Test
    void refusesAMailboxThatHoldsSomethingElse() throws Exception {
        HarnessOptions options = options();
        try (SmtpConnection delivery =
                SmtpConnection.open(options.delivery().orElseThrow(), false, java.time.Duration.ofSeconds(10))) {
            delivery.deliver("someone@example.org", USER, LatencyScenarios.deliveryMessage(1));
        }

        assertThatThrownBy(() -> Seeder.seed(
                        options,
                        new MessageGenerator(options.seed(), options.messages()),
                        java.time.Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INBOX holds 1 messages");
    }

    private HarnessOptions options() {
        return HarnessOptions.parse(new String[] {
            "--target", "mailcore",
            "--imap", "127.0.0.1:" + imap.port(),
            "--smtp", "127.0.0.1:" + smtp.port(),
            "--user", USER,
            "--password", PASSWORD,
            "--messages", "40",
            "--warmup", "1",
            "--runs", "3",
            "--clients", "2",
            "--seconds", "2",
            "--out", out.toString()
        });
    }
}
