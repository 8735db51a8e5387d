/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetchmail, the classic POP3 collector, against the server when it is installed: it downloads every message through
 * an MDA that writes one file per message, and deletes them from the server unless told to keep them.
 */
class FetchmailTest {
    private static final Path FETCHMAIL = Path.of("/usr/bin/fetchmail");
    private static final String FIRST = "Subject: first\n\nhello\n";
    private static final String SECOND =
            "Subject: second\nX-Note: dots below\n\n.starts with a dot\n..two dots\n.\nend\n";

    @TempDir
    Path work;

    @BeforeAll
    static void needsFetchmail() {
        assumeTrue(Files.isExecutable(FETCHMAIL), "fetchmail is not installed: skipping the fetchmail client test");
    }

    @Test
    void fetchmailDownloadsEveryMessageByteForByteAndDeletesThem() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture()) {
            pop3.deliver(FIRST);
            pop3.deliver(SECOND);

            Path delivered = Files.createDirectory(work.resolve("delivered"));
            Run run = fetchmail(pop3.port(), delivered, false);

            assertThat(run.exitCode()).as(run.transcript()).isZero();
            assertThat(messages(delivered)).containsExactlyInAnyOrder(FIRST, SECOND);
            assertThat(inbox(pop3)).isEmpty();
        }
    }

    @Test
    void withKeepTheMessagesStayOnTheServer() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture()) {
            pop3.deliver(FIRST);
            pop3.deliver(SECOND);

            Path delivered = Files.createDirectory(work.resolve("kept"));
            Run run = fetchmail(pop3.port(), delivered, true);

            assertThat(run.exitCode()).as(run.transcript()).isZero();
            assertThat(messages(delivered)).containsExactlyInAnyOrder(FIRST, SECOND);
            assertThat(inbox(pop3)).hasSize(2).noneMatch(m -> m.flags().deleted());
        }
    }

    private record Run(int exitCode, String transcript) {}

    /**
     * One fetchmail run over plain POP3 on loopback. The MDA writes each message to a file of its own; fetchmail hands
     * it over with LF line ends, and "invisible" keeps it from adding a Received field of its own.
     */
    private Run fetchmail(int port, Path delivered, boolean keep) throws IOException, InterruptedException {
        Path rc = work.resolve(keep ? "fetchmailrc-keep" : "fetchmailrc");
        Files.writeString(
                rc, """
                set no bouncemail
                set invisible
                poll 127.0.0.1 with proto POP3 service %d no dns
                  user "%s" there with password "%s"
                  no rewrite fetchall
                  sslproto "" no sslcertck
                  %s
                  mda "/bin/sh -c 'cat > %s/message.$$'"
                """.formatted(port, Pop3Fixture.USER, Pop3Fixture.PASSWORD, keep ? "keep" : "no keep", delivered));
        // fetchmail refuses a run control file that others may read: it holds a password.
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>(List.of(
                FETCHMAIL.toString(),
                "--fetchmailrc",
                rc.toString(),
                "--idfile",
                work.resolve("fetchids").toString(),
                "--pidfile",
                work.resolve("fetchmail.pid").toString(),
                "--nosyslog",
                "--nodetach",
                "--verbose"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", work.toString());
        builder.environment().put("FETCHMAILHOME", work.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String transcript = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), transcript);
    }

    private static List<String> messages(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> {
                        try {
                            return Files.readString(file, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    private static List<MessageMeta> inbox(Pop3Fixture pop3) {
        return pop3.imap
                .store
                .messages()
                .list(pop3.imap.alice, pop3.imap.mailbox("INBOX").id(), UidSet.all());
    }
}
