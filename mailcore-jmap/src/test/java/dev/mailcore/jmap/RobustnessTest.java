/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Malformed arguments get method-level errors, never a server failure, and the server keeps serving. */
class RobustnessTest {
    private final JmapFixture jmap = new JmapFixture(b -> b.limits(JmapLimits.DEFAULTS.withMaxObjectsInSet(2)));

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void badArgumentsAreClientErrors() {
        List<String[]> calls = List.of(
                new String[] {"Mailbox/get", "{\"accountId\":\"$A\",\"ids\":\"x\"}"},
                new String[] {"Mailbox/get", "{\"accountId\":\"$A\",\"properties\":[\"colour\"]}"},
                new String[] {"Mailbox/get", "{}"},
                new String[] {"Mailbox/changes", "{\"accountId\":\"$A\"}"},
                new String[] {"Mailbox/changes", "{\"accountId\":\"$A\",\"sinceState\":\"999\"}"},
                new String[] {
                    "Mailbox/query", "{\"accountId\":\"$A\",\"filter\":{\"operator\":\"XOR\",\"conditions\":[]}}"
                },
                new String[] {"Mailbox/query", "{\"accountId\":\"$A\",\"filter\":{\"name\":{\"a\":1}}}"},
                new String[] {"Mailbox/set", "{\"accountId\":\"$A\",\"create\":[1]}"},
                new String[] {"Mailbox/set", "{\"accountId\":\"$A\",\"destroy\":[\"a\",\"b\",\"c\"]}"},
                new String[] {"Mailbox/set", "{\"accountId\":\"$A\",\"ifInState\":\"nope\",\"destroy\":[]}"},
                new String[] {"Email/get", "{\"accountId\":\"$A\"}"},
                new String[] {"Email/get", "{\"accountId\":\"$A\",\"ids\":[1]}"},
                new String[] {"Email/query", "{\"accountId\":\"$A\",\"filter\":{\"before\":\"yesterday\"}}"},
                new String[] {"Email/query", "{\"accountId\":\"$A\",\"filter\":{\"hasKeyword\":\"a b\"}}"},
                new String[] {"Email/query", "{\"accountId\":\"$A\",\"filter\":{\"minSize\":\"big\"}}"},
                new String[] {"Email/query", "{\"accountId\":\"$A\",\"filter\":{\"inMailbox\":\"bad id!\"}}"},
                new String[] {"Email/query", "{\"accountId\":\"$A\",\"limit\":-1}"},
                new String[] {"Email/set", "{\"accountId\":\"$A\",\"update\":{\"M1\":[]}}"},
                new String[] {"Email/import", "{\"accountId\":\"$A\"}"},
                new String[] {"Thread/get", "{\"accountId\":\"$A\"}"});
        for (String[] call : calls) {
            JsonNode response = jmap.api("[[\"" + call[0] + "\"," + call[1] + ",\"x\"]]")
                    .get("methodResponses")
                    .get(0);
            assertThat(response.get(0).asString()).as(call[0] + " " + call[1]).isEqualTo("error");
            assertThat(response.get(1).get("type").asString())
                    .as(call[0] + " " + call[1])
                    .isNotEqualTo("serverFail");
        }
        assertThat(jmap.call("Core/echo", "{\"still\":true}").get("still").asBoolean())
                .isTrue();
    }
}
