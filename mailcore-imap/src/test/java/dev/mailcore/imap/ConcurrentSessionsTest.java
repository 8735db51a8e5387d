/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two sessions on one mailbox see each other's appends, flag changes and expunges with right sequence numbers. */
class ConcurrentSessionsTest {
    private ImapFixture imap;
    private RawClient a;
    private RawClient b;

    @BeforeEach
    void start() throws Exception {
        imap = new ImapFixture();
        for (String subject : List.of("one", "two", "three")) {
            imap.deliver("INBOX", "Subject: " + subject + "\n\nbody\n");
        }
        a = new RawClient(imap.port());
        b = new RawClient(imap.port());
        for (RawClient client : List.of(a, b)) {
            client.command("LOGIN alice@example.com secret");
            client.command("SELECT INBOX");
        }
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        imap.close();
    }

    @Test
    void flagChangesOfAnotherSessionArriveAsUntaggedFetch() throws Exception {
        b.command("STORE 2 +FLAGS (\\Flagged)");

        List<String> lines = a.command("NOOP");

        assertThat(lines).contains("* 2 FETCH (FLAGS (\\Flagged) UID 2)");
    }

    @Test
    void expungeIsHeldBackDuringFetchAndReportedAfterNoop() throws Exception {
        b.command("STORE 1 +FLAGS.SILENT (\\Deleted)");
        b.command("EXPUNGE");

        List<String> fetch = a.command("FETCH 1:* (UID)");
        List<String> noop = a.command("NOOP");
        List<String> after = a.command("FETCH 1:* (UID)");

        // During FETCH the session still numbers message 1 as it knew it; the expunged one is just not returned.
        assertThat(fetch).noneMatch(line -> line.contains("EXPUNGE"));
        assertThat(fetch).contains("* 2 FETCH (UID 2)", "* 3 FETCH (UID 3)");
        assertThat(noop).contains("* 1 EXPUNGE");
        assertThat(after).containsExactly("* 1 FETCH (UID 2)", "* 2 FETCH (UID 3)", after.getLast());
    }

    @Test
    void appendsOfAnotherSessionAreAnnouncedWithExists() throws Exception {
        b.command("APPEND INBOX {16+}\r\nSubject: four\r\n\r\n");

        List<String> lines = a.command("NOOP");
        List<String> fetch = a.command("FETCH 4 (UID)");

        assertThat(lines).contains("* 4 EXISTS");
        assertThat(fetch).contains("* 4 FETCH (UID 4)");
    }

    @Test
    void expungesAndAppendsTogetherKeepNumbersRight() throws Exception {
        b.command("STORE 2 +FLAGS.SILENT (\\Deleted)");
        b.command("EXPUNGE");
        imap.deliver("INBOX", "Subject: four\n\nbody\n");

        List<String> lines = a.command("NOOP");
        List<String> fetch = a.command("FETCH 1:* (UID)");

        assertThat(lines).contains("* 2 EXPUNGE", "* 3 EXISTS");
        assertThat(fetch)
                .containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)", "* 3 FETCH (UID 4)", fetch.getLast());
    }
}
