/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Body sections of a multipart message with an attached message, read as byte ranges of the stored message. */
class FetchSectionsTest {
    private static final String MESSAGE = """
            From: Ann <ann@example.org>
            Subject: outer
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=us-ascii

            outer text
            --b1
            Content-Type: message/rfc822

            From: Cid <cid@example.org>
            Subject: inner

            inner body
            --b1--
            """;

    private ImapFixture imap;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        imap = new ImapFixture();
        imap.deliver("INBOX", MESSAGE);
        client = new RawClient(imap.port());
        client.command("LOGIN alice@example.com secret");
        client.command("EXAMINE INBOX");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        imap.close();
    }

    private String fetch(String item) throws Exception {
        return String.join("\n", client.command("FETCH 1 (" + item + ")"));
    }

    @Test
    void partsByNumber() throws Exception {
        assertThat(fetch("BODY.PEEK[1]")).startsWith("* 1 FETCH (BODY[1] {10}\nouter text)");
        assertThat(fetch("BODY.PEEK[2.1]")).startsWith("* 1 FETCH (BODY[2.1] {10}\ninner body)");
        assertThat(fetch("BODY.PEEK[3]")).startsWith("* 1 FETCH (BODY[3] \"\")");
    }

    @Test
    void mimeHeaderOfAPart() throws Exception {
        assertThat(fetch("BODY.PEEK[1.MIME]"))
                .startsWith("* 1 FETCH (BODY[1.MIME] {46}\nContent-Type: text/plain; charset=us-ascii\n\n)");
    }

    @Test
    void headerAndTextOfAnAttachedMessage() throws Exception {
        assertThat(fetch("BODY.PEEK[2.HEADER]"))
                .startsWith("* 1 FETCH (BODY[2.HEADER] {47}\nFrom: Cid <cid@example.org>\nSubject: inner\n\n)");
        assertThat(fetch("BODY.PEEK[2.TEXT]")).startsWith("* 1 FETCH (BODY[2.TEXT] {10}\ninner body)");
        assertThat(fetch("BODY.PEEK[2.HEADER.FIELDS (SUBJECT)]"))
                .startsWith("* 1 FETCH (BODY[2.HEADER.FIELDS (SUBJECT)] {18}\nSubject: inner\n\n)");
    }

    @Test
    void wholeMessageHeaderFieldsNotAndPartial() throws Exception {
        assertThat(fetch("BODY.PEEK[HEADER.FIELDS.NOT (FROM MIME-VERSION CONTENT-TYPE)]"))
                .startsWith("* 1 FETCH (BODY[HEADER.FIELDS.NOT (FROM MIME-VERSION CONTENT-TYPE)] {18}\n"
                        + "Subject: outer\n\n)");
        assertThat(fetch("BODY.PEEK[]<6.3>")).startsWith("* 1 FETCH (BODY[]<6> {3}\nAnn)");
        assertThat(fetch("RFC822.HEADER")).contains("Subject: outer").doesNotContain("outer text");
    }

    @Test
    void bodyStructureDescribesTheAttachedMessage() throws Exception {
        String structure = fetch("BODYSTRUCTURE");

        assertThat(structure)
                .contains("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1")
                .contains("\"message\" \"rfc822\" NIL NIL NIL \"7bit\"")
                .contains("\"inner\" ((\"Cid\" NIL \"cid\" \"example.org\"))")
                .contains(" \"mixed\" (\"boundary\" \"b1\")");
    }
}
