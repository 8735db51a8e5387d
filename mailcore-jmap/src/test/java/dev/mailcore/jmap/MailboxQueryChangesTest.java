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

/** Mailbox/queryChanges (RFC 8620 §5.6): a client brings its mailbox list up to date without querying again. */
class MailboxQueryChangesTest {
    private static final String QUERY =
            "\"accountId\":\"$A\",\"filter\":{\"parentId\":null},\"sort\":[{\"property\":\"name\"}]";

    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void theOldResultsWithTheChangesAppliedAreTheNewResults() {
        JsonNode before = jmap.call("Mailbox/query", "{" + QUERY + "}");
        assertThat(before.get("canCalculateChanges").asBoolean()).isTrue();
        String junk = jmap.mailbox("Junk").id().value();
        String archive = jmap.mailbox("Archive").id().value();
        jmap.store.mailboxes().create(jmap.alice, "Zeta", null);
        jmap.store.mailboxes().create(jmap.alice, "Zeta/Inner", null);
        jmap.call(
                "Mailbox/set",
                "{\"accountId\":\"$A\",\"update\":{\"" + archive + "\":{\"name\":\"Yearly\"}}," + "\"destroy\":[\""
                        + junk + "\"]}");
        JsonNode after = jmap.call("Mailbox/query", "{" + QUERY + "}");

        JsonNode changes = jmap.call(
                "Mailbox/queryChanges",
                "{" + QUERY + ",\"sinceQueryState\":\""
                        + before.get("queryState").asString() + "\",\"calculateTotal\":true}");

        assertThat(changes.get("oldQueryState").asString())
                .isEqualTo(before.get("queryState").asString());
        assertThat(changes.get("newQueryState").asString())
                .isEqualTo(after.get("queryState").asString());
        assertThat(changes.get("total").asInt()).isEqualTo(after.get("ids").size());
        assertThat(JmapFixture.strings(changes.get("removed"))).contains(junk, archive);
        List<String> ids = new ArrayList<>(JmapFixture.strings(before.get("ids")));
        ids.removeAll(JmapFixture.strings(changes.get("removed")));
        for (JsonNode added : changes.get("added")) {
            ids.add(added.get("index").asInt(), added.get("id").asString());
        }
        assertThat(ids).containsExactlyElementsOf(JmapFixture.strings(after.get("ids")));
        assertThat(ids).contains(jmap.mailbox("Zeta").id().value()).doesNotContain(junk);
        assertThat(ids).doesNotContain(jmap.mailbox("Zeta/Inner").id().value());
    }

    @Test
    void nothingChangedAnswersNoChanges() {
        JsonNode before = jmap.call("Mailbox/query", "{" + QUERY + "}");

        JsonNode changes = jmap.call(
                "Mailbox/queryChanges",
                "{" + QUERY + ",\"sinceQueryState\":\""
                        + before.get("queryState").asString() + "\"}");

        assertThat(changes.get("removed")).isEmpty();
        assertThat(changes.get("added")).isEmpty();
        assertThat(changes.get("newQueryState").asString())
                .isEqualTo(before.get("queryState").asString());
    }

    @Test
    void moreChangesThanMaxChangesIsTooManyChanges() {
        String state =
                jmap.call("Mailbox/query", "{" + QUERY + "}").get("queryState").asString();
        jmap.store.mailboxes().create(jmap.alice, "One", null);
        jmap.store.mailboxes().create(jmap.alice, "Two", null);

        JsonNode error = jmap.call(
                "Mailbox/queryChanges", "{" + QUERY + ",\"sinceQueryState\":\"" + state + "\",\"maxChanges\":3}");
        JsonNode enough = jmap.call(
                "Mailbox/queryChanges", "{" + QUERY + ",\"sinceQueryState\":\"" + state + "\",\"maxChanges\":4}");

        assertThat(error.get("type").asString()).isEqualTo("tooManyChanges");
        assertThat(enough.get("added")).hasSize(2);
    }

    @Test
    void aStateTheServerNeverHadCannotBeCalculated() {
        JsonNode future = jmap.call("Mailbox/queryChanges", "{" + QUERY + ",\"sinceQueryState\":\"999999\"}");
        JsonNode garbage = jmap.call("Mailbox/queryChanges", "{" + QUERY + ",\"sinceQueryState\":\"yesterday\"}");
        JsonNode missing = jmap.call("Mailbox/queryChanges", "{" + QUERY + "}");

        assertThat(future.get("type").asString()).isEqualTo("cannotCalculateChanges");
        assertThat(garbage.get("type").asString()).isEqualTo("cannotCalculateChanges");
        assertThat(missing.get("type").asString()).isEqualTo("invalidArguments");
        assertThat(jmap.call("Mailbox/query", "{" + QUERY + "}").get("ids")).isNotEmpty();
    }
}
