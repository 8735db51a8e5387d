/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.vacation;

import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.internal.Json;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.node.ObjectNode;

/** The VacationResponse singleton of each account (RFC 8621 §8), kept by the handler in memory. */
public final class VacationResponses {
    public static final String ID = "singleton";

    /** The response and the state it was last set in. */
    public record Versioned(ObjectNode response, long state) {}

    private final ConcurrentMap<AccountId, Versioned> responses = new ConcurrentHashMap<>();

    public Versioned get(AccountId account) {
        return responses.computeIfAbsent(account, a -> new Versioned(off(), 0));
    }

    /** Replaces the response; answers the new state. */
    public synchronized long put(AccountId account, ObjectNode response) {
        long state = get(account).state() + 1;
        responses.put(account, new Versioned(response.deepCopy(), state));
        return state;
    }

    private static ObjectNode off() {
        ObjectNode response = Json.object().put("id", ID).put("isEnabled", false);
        response.putNull("fromDate");
        response.putNull("toDate");
        response.putNull("subject");
        response.putNull("textBody");
        response.putNull("htmlBody");
        return response;
    }
}
