/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmailQueryChangesTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    private JsonNode inboxQuery() {
        String inbox = jmap.mailbox("INBOX").id().value();
        return jmap.call(
                "Email/query",
                "{\"accountId\":\"$A\",\"filter\":{\"inMailbox\":\"" + inbox + "\"},"
                        + "\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":false}]}");
    }

    private JsonNode changes(String since, String extra) {
        String inbox = jmap.mailbox("INBOX").id().value();
        return jmap.call(
                "Email/queryChanges",
                "{\"accountId\":\"$A\",\"filter\":{\"inMailbox\":\"" + inbox + "\"},"
                        + "\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":false}],\"sinceQueryState\":\""
                        + since + "\"" + extra + "}");
    }

    /** Applies a queryChanges response to old results, as a client does. */
    private static List<String> apply(List<String> old, JsonNode changes) {
        List<String> ids = new ArrayList<>(old);
        changes.get("removed").forEach(id -> ids.remove(id.asString()));
        changes.get("added")
                .forEach(added ->
                        ids.add(added.get("index").asInt(), added.get("id").asString()));
        return ids;
    }

    private static List<String> ids(JsonNode query) {
        List<String> ids = new ArrayList<>();
        query.get("ids").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    @Test
    void aClientCatchesUpWithNewMovedAndDestroyedEmails() {
        String kept = jmap.deliver("INBOX", "Subject: kept\n\nx\n").emailId().value();
        String moved = jmap.deliver("INBOX", "Subject: moved\n\nx\n").emailId().value();
        String gone = jmap.deliver("INBOX", "Subject: gone\n\nx\n").emailId().value();
        JsonNode before = inboxQuery();
        assertThat(before.get("canCalculateChanges").asBoolean()).isTrue();

        String fresh = jmap.deliver("INBOX", "Subject: fresh\n\nx\n").emailId().value();
        String archive = jmap.mailbox("Archive").id().value();
        jmap.call(
                "Email/set",
                "{\"accountId\":\"$A\",\"update\":{\"" + moved + "\":{\"mailboxIds\":{\"" + archive
                        + "\":true}}},\"destroy\":[\"" + gone + "\"]}");
        jmap.deliver("Archive", "Subject: elsewhere\n\nx\n");

        JsonNode response = changes(before.get("queryState").asString(), ",\"calculateTotal\":true");
        JsonNode after = inboxQuery();

        assertThat(response.get("oldQueryState").asString())
                .isEqualTo(before.get("queryState").asString());
        assertThat(response.get("newQueryState").asString())
                .isEqualTo(after.get("queryState").asString());
        assertThat(response.get("total").asInt()).isEqualTo(2);
        assertThat(apply(ids(before), response)).isEqualTo(ids(after)).containsExactlyInAnyOrder(fresh, kept);
    }

    @Test
    void otherQueriesAndBadStatesCannotCalculateChanges() {
        JsonNode query = jmap.call("Email/query", "{\"accountId\":\"$A\",\"filter\":{\"text\":\"x\"}}");
        JsonNode textFilter = jmap.call(
                "Email/queryChanges", "{\"accountId\":\"$A\",\"filter\":{\"text\":\"x\"},\"sinceQueryState\":\"1\"}");
        JsonNode badState = changes("nope", "");
        JsonNode missing = jmap.call("Email/queryChanges", "{\"accountId\":\"$A\"}");
        jmap.deliver("INBOX", "Subject: a\n\nx\n");
        jmap.deliver("INBOX", "Subject: b\n\nx\n");
        JsonNode tooMany = changes("0", ",\"maxChanges\":1");

        assertThat(query.get("canCalculateChanges").asBoolean()).isFalse();
        assertThat(textFilter.get("type").asString()).isEqualTo("cannotCalculateChanges");
        assertThat(badState.get("type").asString()).isEqualTo("cannotCalculateChanges");
        assertThat(missing.get("type").asString()).isEqualTo("invalidArguments");
        assertThat(tooMany.get("type").asString()).isEqualTo("tooManyChanges");
    }
}
