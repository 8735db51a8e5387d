/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.EmailId;
import org.junit.jupiter.api.Test;

class UidlTest {
    @Test
    void anEmailIdThatFitsIsTheUidl() {
        assertThat(Uidl.of(EmailId.of("E1a2b3"))).isEqualTo("E1a2b3");
        String seventy = "E".repeat(70);
        assertThat(Uidl.of(EmailId.of(seventy))).isEqualTo(seventy);
    }

    @Test
    void aLongerIdMapsToAStablePrintableUidlNoEmailIdCanTake() {
        String uidl = Uidl.of(EmailId.of("E".repeat(71)));
        assertThat(uidl).startsWith("~").hasSizeLessThanOrEqualTo(70).matches("[\\x21-\\x7e]+");
        assertThat(Uidl.of(EmailId.of("E".repeat(71)))).isEqualTo(uidl);
        assertThat(Uidl.of(EmailId.of("E".repeat(72)))).isNotEqualTo(uidl);
    }
}
