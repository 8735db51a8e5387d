/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PushTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void eventSourceSendsAStateChangeWhenMailArrives() throws Exception {
        HttpResponse<Stream<String>> response = jmap.http.send(
                jmap.request("/jmap/eventsource?types=*&closeafter=state&ping=0")
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));

        jmap.deliver("INBOX", "Subject: pushed\n\nbody\n");

        String data = null;
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data: ")) {
                    data = line.substring("data: ".length());
                }
            }
        }
        assertThat(data).isNotNull();
        JsonNode change = jmap.parse(data);
        assertThat(change.get("@type").asString()).isEqualTo("StateChange");
        JsonNode states = change.get("changed").get(jmap.accountId());
        String state = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();
        assertThat(states.get("Email").asString()).isEqualTo(state);
        assertThat(states.get("Mailbox").asString()).isEqualTo(state);
    }

    @Test
    void stoppingTheServerEndsOpenStreams() throws Exception {
        HttpResponse<Stream<String>> response = jmap.http.send(
                jmap.request("/jmap/eventsource?types=Email&closeafter=no&ping=0")
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);

        jmap.server.close();

        try (Stream<String> lines = response.body()) {
            assertThat(lines.filter(l -> l.startsWith("event:")).count()).isZero();
        } catch (java.io.UncheckedIOException e) {
            // A reset connection ends the stream as well.
        }
    }
}
