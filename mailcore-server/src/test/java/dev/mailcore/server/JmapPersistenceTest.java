/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** JMAP identities and the vacation response live in the server's database and survive a restart. */
class JmapPersistenceTest {
    @TempDir
    Path dir;

    private MailServer start() {
        return MailServer.builder()
                .store(StoreKind.H2)
                .dataDirectory(dir)
                .user("alice", "pw")
                .http("127.0.0.1", 0)
                .build()
                .start();
    }

    private static JmapClient client(MailServer server) {
        return JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "alice", "pw");
    }

    @Test
    void identitiesAndTheVacationResponseAreThereAfterARestart() throws Exception {
        String created;
        String state;
        try (MailServer server = start()) {
            JsonNode set = client(server).call("""
                    [["Identity/set", {"accountId": "%1$s",
                       "create": {"t": {"email": "alice@localhost", "name": "Alice on the road"}},
                       "update": {"primary": {"name": "Alice", "textSignature": "-- A."}}}, "i"],
                     ["VacationResponse/set", {"accountId": "%1$s", "update": {"singleton": {
                       "isEnabled": true, "subject": "Away", "textBody": "Back on Monday.",
                       "fromDate": "2026-01-01T00:00:00Z"}}}, "v"]]
                    """);
            created = set.get(0).get(1).path("created").path("t").path("id").asString();
            state = set.get(0).get(1).path("newState").asString();
            assertThat(created).isNotEmpty();
            assertThat(set.get(1).get(1).path("updated").has("singleton")).isTrue();
        }

        try (MailServer server = start()) {
            JsonNode got = client(server).call("""
                    [["Identity/get", {"accountId": "%1$s"}, "i"],
                     ["VacationResponse/get", {"accountId": "%1$s"}, "v"],
                     ["Identity/changes", {"accountId": "%1$s", "sinceState": "0"}, "c"]]
                    """);
            JsonNode identities = got.get(0).get(1);
            assertThat(identities.path("state").asString()).isEqualTo(state);
            List<String> names = new ArrayList<>();
            identities
                    .path("list")
                    .forEach(i -> names.add(
                            i.path("id").asString() + "=" + i.path("name").asString()));
            assertThat(names).containsExactly("primary=Alice", created + "=Alice on the road");
            assertThat(identities.path("list").get(0).path("textSignature").asString())
                    .isEqualTo("-- A.");

            JsonNode vacation = got.get(1).get(1).path("list").get(0);
            assertThat(vacation.path("isEnabled").asBoolean()).isTrue();
            assertThat(vacation.path("subject").asString()).isEqualTo("Away");
            assertThat(vacation.path("textBody").asString()).isEqualTo("Back on Monday.");
            assertThat(vacation.path("fromDate").asString()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(vacation.path("toDate").isNull()).isTrue();

            JsonNode changes = got.get(2).get(1);
            assertThat(changes.path("created")).extracting(JsonNode::asString).containsExactly(created);
            assertThat(changes.path("updated")).extracting(JsonNode::asString).containsExactly("primary");

            client(server).call("""
                    [["Identity/set", {"accountId": "%1$s", "destroy": ["%2$s"]}, "d"]]
                    """.replace("%2$s", created));
        }

        try (MailServer server = start()) {
            JsonNode changes =
                    client(server).call("""
                    [["Identity/changes", {"accountId": "%1$s", "sinceState": "%2$s"}, "c"]]
                    """.replace("%2$s", state)).get(0).get(1);
            assertThat(changes.path("destroyed")).extracting(JsonNode::asString).containsExactly(created);
            assertThat(changes.path("created")).isEmpty();
        }
    }
}
