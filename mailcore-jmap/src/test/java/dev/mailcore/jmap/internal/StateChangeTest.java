/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The StateChange text written for push: valid JSON with only the types asked for. Account ids are restricted to
 * URL-safe characters; the key is quoted as JSON all the same, which an odd key shows.
 */
class StateChangeTest {
    private static final String ODD_ID = "a\"b\\c\u00e9\u0001";

    private static AccountChanged change(boolean mailboxes, boolean emails) {
        return new AccountChanged(AccountId.of("alice"), 42, Set.of(), mailboxes, emails);
    }

    private static JsonNode parse(String text) {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void everyTypeTouchedIsNamedWithTheNewStateUnderTheAccountId() {
        String text = EventSourceEndpoint.stateChange(
                EventSourceEndpoint.quoted(ODD_ID), change(true, true), Set.of(), false);

        JsonNode json = parse(text);
        assertThat(json.get("@type").asString()).isEqualTo("StateChange");
        JsonNode states = json.get("changed").get(ODD_ID);
        assertThat(states.propertyNames()).containsExactly("Mailbox", "Email", "Thread");
        assertThat(states.get("Email").asString()).isEqualTo("42");
        assertThat(json.has("pushState")).isFalse();
    }

    @Test
    void onlyTheTypesAskedForAreNamedAndNothingWhenNoneChanged() {
        String quoted = EventSourceEndpoint.quoted(ODD_ID);

        JsonNode json = parse(EventSourceEndpoint.stateChange(quoted, change(true, true), Set.of("Email"), true));
        assertThat(json.get("changed").get(ODD_ID).propertyNames()).containsExactly("Email");
        assertThat(json.get("pushState").asString()).isEqualTo("42");

        assertThat(EventSourceEndpoint.stateChange(quoted, change(true, false), Set.of("Email", "Thread"), false))
                .isNull();
    }
}
