/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineDemoTest {
    @Test
    void demoFindsTheUnseenMailFromBob() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long[] found = EngineDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(found).containsExactly(3L);
        assertThat(output)
                .contains("Mailboxes: [INBOX, Archive, Drafts, Junk, Sent, Trash]")
                .contains("The reply shares the question's thread: true")
                .contains("INBOX: 3 messages, 2 unseen");
    }
}
