/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.vacation;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.VacationResponse;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.jmap.internal.Json;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The VacationResponse singleton of each account (RFC 8621 §8) as JSON, kept in the {@link AccountObjectStore} as a
 * {@link VacationResponse}, where the store's delivery reads it to send the auto-reply.
 */
public final class VacationResponses {
    public static final String ID = VacationResponse.ID;

    /** The response and the state it was last set in. */
    public record Versioned(ObjectNode response, long state) {}

    private final AccountObjectStore store;

    public VacationResponses(AccountObjectStore store) {
        this.store = store;
    }

    public Versioned get(AccountId account) {
        long state = store.state(account, VacationResponse.TYPE);
        VacationResponse response = store.get(account, VacationResponse.TYPE, ID)
                .map(o -> VacationResponse.decode(o.body()))
                .orElse(VacationResponse.OFF);
        return new Versioned(toJson(response), state);
    }

    /** Replaces the response; answers the new state. */
    public long put(AccountId account, ObjectNode response) {
        return store.put(account, VacationResponse.TYPE, ID, fromJson(response).encode());
    }

    private static ObjectNode toJson(VacationResponse response) {
        ObjectNode json = Json.object().put("id", ID).put("isEnabled", response.enabled());
        json.put("fromDate", response.fromDate().map(Instant::toString).orElse(null));
        json.put("toDate", response.toDate().map(Instant::toString).orElse(null));
        json.put("subject", response.subject().orElse(null));
        json.put("textBody", response.textBody().orElse(null));
        json.put("htmlBody", response.htmlBody().orElse(null));
        return json;
    }

    private static VacationResponse fromJson(ObjectNode json) {
        return new VacationResponse(
                json.path("isEnabled").asBoolean(false),
                text(json, "fromDate").map(Instant::parse),
                text(json, "toDate").map(Instant::parse),
                text(json, "subject"),
                text(json, "textBody"),
                text(json, "htmlBody"));
    }

    private static Optional<String> text(ObjectNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
