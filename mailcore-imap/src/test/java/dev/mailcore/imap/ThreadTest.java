/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import dev.mailcore.net.ScriptRunner;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** THREAD=REFERENCES and THREAD=ORDEREDSUBJECT over a conversation with a missing message and a subject-only reply. */
class ThreadTest {
    private ImapFixture imap;

    @BeforeEach
    void start() {
        imap = new ImapFixture();
        deliver("<1@x>", "", "Project plan", "Sun, 1 Mar 2026 10:00:00 +0000");
        deliver("<2@x>", "In-Reply-To: <1@x>\n", "Re: Project plan", "Mon, 2 Mar 2026 10:00:00 +0000");
        deliver("<3@x>", "References: <1@x> <2@x>\n", "Re: Project plan", "Tue, 3 Mar 2026 10:00:00 +0000");
        deliver("<4@x>", "", "Lunch", "Sun, 1 Mar 2026 12:00:00 +0000");
        deliver("<5@x>", "References: <missing@x>\n", "Re: Party", "Wed, 4 Mar 2026 10:00:00 +0000");
        deliver("<6@x>", "References: <missing@x>\n", "Re: Party", "Thu, 5 Mar 2026 10:00:00 +0000");
        deliver("<7@x>", "References: <1@x>\n", "Re: Project plan", "Mon, 2 Mar 2026 12:00:00 +0000");
        deliver("<8@x>", "", "Re: Lunch", "Fri, 6 Mar 2026 10:00:00 +0000");
    }

    private void deliver(String messageId, String references, String subject, String date) {
        imap.deliver(
                "INBOX",
                "From: a@example.org\nMessage-ID: " + messageId + "\n" + references + "Subject: " + subject + "\nDate: "
                        + date + "\n\nbody\n");
    }

    @AfterEach
    void stop() {
        imap.close();
    }

    @Test
    void threadsByReferencesAndBySubject() throws IOException {
        ScriptRunner.run("thread.txt", imap.port());
    }
}
