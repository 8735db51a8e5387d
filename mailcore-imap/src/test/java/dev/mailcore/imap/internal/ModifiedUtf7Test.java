/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModifiedUtf7Test {
    @Test
    void encodesTheRfcExamples() {
        assertThat(ModifiedUtf7.encode("~peter/mail/台北/日本語")).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assertThat(ModifiedUtf7.encode("Tom & Jerry")).isEqualTo("Tom &- Jerry");
        assertThat(ModifiedUtf7.encode("Entwürfe")).isEqualTo("Entw&APw-rfe");
    }

    @Test
    void decodesWhatItEncodes() {
        for (String name : new String[] {"INBOX", "Entwürfe", "~peter/mail/台北/日本語", "a&b", "☺"}) {
            assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(name))).isEqualTo(name);
        }
    }

    @Test
    void refusesBrokenNames() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("broken&Jjo")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ModifiedUtf7.decode("bad&!!!-")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ModifiedUtf7.decode("raw 8-bit é")).isInstanceOf(ParseException.class);
    }
}
