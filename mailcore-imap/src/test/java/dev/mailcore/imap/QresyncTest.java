/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** QRESYNC (RFC 7162) over the wire: the values it needs (UIDVALIDITY, MODSEQ) are read from earlier responses. */
class QresyncTest {
    private ImapFixture imap;
    private RawClient client;
    private RawClient other;

    @BeforeEach
    void start() throws IOException {
        imap = new ImapFixture();
        for (String subject : List.of("one", "two", "three")) {
            imap.deliver("INBOX", "Subject: " + subject + "\n\nbody\n");
        }
        client = login();
        other = login();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        other.close();
        imap.close();
    }

    private RawClient login() throws IOException {
        RawClient raw = new RawClient(imap.port());
        raw.command("LOGIN " + ImapFixture.USER + " " + ImapFixture.PASSWORD);
        return raw;
    }

    private static long value(List<String> lines, String code) {
        Pattern pattern = Pattern.compile(".*\\[" + code + " (\\d+)].*");
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no " + code + " in " + lines);
    }

    /** Another session deletes UID 2 and flags UID 3. */
    private void changeElsewhere() throws IOException {
        other.command("SELECT INBOX");
        other.command("UID STORE 2 +FLAGS (\\Deleted)");
        other.command("UID EXPUNGE 2");
        other.command("UID STORE 3 +FLAGS (\\Flagged)");
    }

    @Test
    void selectWithQresyncReportsWhatVanishedAndWhatChanged() throws IOException {
        assertThat(client.command("ENABLE QRESYNC")).contains("* ENABLED QRESYNC");
        List<String> selected = client.command("SELECT INBOX");
        long uidValidity = value(selected, "UIDVALIDITY");
        long modSeq = value(selected, "HIGHESTMODSEQ");
        client.command("UNSELECT");
        changeElsewhere();

        List<String> resync = client.command("SELECT INBOX (QRESYNC (" + uidValidity + " " + modSeq + " 1:3))");

        assertThat(resync).contains("* VANISHED (EARLIER) 2");
        assertThat(resync)
                .anyMatch(l -> l.matches("\\* 2 FETCH \\(UID 3 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)"));
        assertThat(resync).noneMatch(l -> l.contains("UID 1 "));
        assertThat(resync.getLast()).contains("OK");
    }

    @Test
    void aStaleUidValidityGetsAPlainSelect() throws IOException {
        client.command("ENABLE QRESYNC");
        List<String> selected = client.command("SELECT INBOX");
        long uidValidity = value(selected, "UIDVALIDITY");
        changeElsewhere();

        List<String> resync = client.command("SELECT INBOX (QRESYNC (" + (uidValidity + 1) + " 1))");

        assertThat(resync).first().isEqualTo("* OK [CLOSED] previous mailbox closed");
        assertThat(resync).noneMatch(l -> l.contains("VANISHED") || l.contains("FETCH"));
    }

    @Test
    void expungesOfOthersArriveAsVanishedOnceEnabled() throws IOException {
        client.command("ENABLE QRESYNC");
        long modSeq = value(client.command("SELECT INBOX"), "HIGHESTMODSEQ");
        changeElsewhere();

        List<String> noop = client.command("NOOP");

        assertThat(noop).contains("* VANISHED 2");
        assertThat(noop).noneMatch(l -> l.endsWith("EXPUNGE"));
        assertThat(client.command("UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + modSeq + " VANISHED)"))
                .contains("* VANISHED (EARLIER) 2")
                .anyMatch(l -> l.matches("\\* 2 FETCH \\(UID 3 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)"));
    }

    @Test
    void qresyncNeedsEnableAndVanishedNeedsChangedSince() throws IOException {
        assertThat(client.command("SELECT INBOX (QRESYNC (1 1))").getLast()).contains("BAD");
        client.command("ENABLE QRESYNC");
        client.command("SELECT INBOX");
        assertThat(client.command("UID FETCH 1:* (FLAGS) (VANISHED)").getLast()).contains("BAD");
        assertThat(client.command("FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)").getLast())
                .contains("BAD");
    }
}
