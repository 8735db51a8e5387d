/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import dev.mailcore.jmap.JmapLimits;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session's state follows every property of the session, and nothing else. */
class SessionResourceTest {
    private static final String BASE = "https://mail.example.com/jmap";
    private final Account alice = account("alice@example.com");

    @Test
    void equalSessionsHaveEqualStates() {
        assertThat(state(alice, BASE, JmapLimits.DEFAULTS))
                .isEqualTo(state(account("alice@example.com"), BASE, JmapLimits.DEFAULTS));
    }

    @Test
    void theStateMovesWithTheLimitsTheUrlsAndTheAccount() {
        String state = state(alice, BASE, JmapLimits.DEFAULTS);

        assertThat(state(alice, BASE, JmapLimits.DEFAULTS.withMaxCallsInRequest(3)))
                .isNotEqualTo(state);
        assertThat(state(alice, "https://mail.example.com/other", JmapLimits.DEFAULTS))
                .isNotEqualTo(state);
        assertThat(state(account("alice.smith@example.com"), BASE, JmapLimits.DEFAULTS))
                .isNotEqualTo(state);
    }

    @Test
    void aCachedDocumentAnswersOnlyForTheAccountItWasMadeFrom() {
        SessionDocuments documents = new SessionDocuments(JmapLimits.DEFAULTS);
        String before = new String(documents.get(alice, BASE).json(), StandardCharsets.UTF_8);
        Account renamed = account("alice.smith@example.com");
        String after = new String(documents.get(renamed, BASE).json(), StandardCharsets.UTF_8);

        assertThat(before).contains("\"name\":\"alice@example.com\"");
        assertThat(after)
                .contains("\"name\":\"alice.smith@example.com\"")
                .doesNotContain("\"name\":\"alice@example.com\"");
        assertThat(documents.get(renamed, BASE).state())
                .isEqualTo(Json.MAPPER.readTree(after).get("state").asString());
    }

    private static String state(Account account, String baseUrl, JmapLimits limits) {
        return SessionResource.build(account, baseUrl, limits).get("state").asString();
    }

    private static Account account(String primaryAddress) {
        return new Account(
                new AccountId("a1"), "alice@example.com", primaryAddress, Set.of(primaryAddress), Quota.UNLIMITED);
    }
}
