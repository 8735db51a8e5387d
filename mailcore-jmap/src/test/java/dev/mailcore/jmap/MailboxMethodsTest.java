/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MailboxMethodsTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void getShowsTheSameIdsAndCountsAsTheStore() {
        jmap.deliver("INBOX", "Subject: one\n\nbody\n");
        jmap.deliver("INBOX", "Subject: two\n\nbody\n");
        String inboxId = jmap.mailbox("INBOX").id().value();

        JsonNode response = jmap.call("Mailbox/get", "{\"accountId\":\"$A\",\"ids\":[\"" + inboxId + "\",\"nope\"]}");

        JsonNode inbox = response.get("list").get(0);
        assertThat(inbox.get("id").asString()).isEqualTo(inboxId);
        assertThat(inbox.get("role").asString()).isEqualTo("inbox");
        assertThat(inbox.get("parentId").isNull()).isTrue();
        assertThat(inbox.get("totalEmails").asInt()).isEqualTo(2);
        assertThat(inbox.get("unreadEmails").asInt()).isEqualTo(2);
        assertThat(inbox.get("totalThreads").asInt()).isEqualTo(2);
        assertThat(inbox.get("myRights").get("mayDelete").asBoolean()).isFalse();
        assertThat(JmapFixture.strings(response.get("notFound"))).containsExactly("nope");
        assertThat(response.get("state").asString()).isNotEmpty();
    }

    @Test
    void setCreatesUpdatesAndDestroysWithCreationIdReferences() {
        JsonNode responses = jmap.api(
                        "[[\"Mailbox/set\",{\"accountId\":\"$A\",\"create\":{"
                                + "\"p\":{\"name\":\"Projects\",\"sortOrder\":5},"
                                + "\"c\":{\"name\":\"Mailcore\",\"parentId\":\"#p\",\"isSubscribed\":true},"
                                + "\"bad\":{\"name\":\"\"}}},\"s\"],"
                                + "[\"Mailbox/get\",{\"accountId\":\"$A\",\"ids\":[\"#c\"],\"properties\":[\"name\",\"parentId\",\"isSubscribed\"]},\"g\"]]")
                .get("methodResponses");

        JsonNode set = responses.get(0).get(1);
        String parent = set.get("created").get("p").get("id").asString();
        String child = set.get("created").get("c").get("id").asString();
        assertThat(set.get("notCreated").get("bad").get("type").asString()).isEqualTo("invalidProperties");
        JsonNode got = responses.get(1).get(1).get("list").get(0);
        assertThat(got.get("id").asString()).isEqualTo(child);
        assertThat(got.get("parentId").asString()).isEqualTo(parent);
        assertThat(got.get("isSubscribed").asBoolean()).isTrue();
        assertThat(got.has("sortOrder")).isFalse();
        assertThat(jmap.store.mailboxes().byPath(jmap.alice, "Projects/Mailcore"))
                .isPresent();

        JsonNode update = jmap.call(
                "Mailbox/set",
                "{\"accountId\":\"$A\",\"update\":{\"" + child + "\":{\"name\":\"Renamed\",\"role\":\"important\"}}}");
        assertThat(update.get("updated").has(child)).as(update.toString()).isTrue();
        assertThat(jmap.store.mailboxes().byPath(jmap.alice, "Projects/Renamed"))
                .hasValueSatisfying(m -> assertThat(m.role().jmapName()).isEqualTo("important"));

        JsonNode destroyParent = jmap.call("Mailbox/set", "{\"accountId\":\"$A\",\"destroy\":[\"" + parent + "\"]}");
        assertThat(destroyParent.get("notDestroyed").get(parent).get("type").asString())
                .isEqualTo("mailboxHasChild");
        JsonNode destroyChild = jmap.call("Mailbox/set", "{\"accountId\":\"$A\",\"destroy\":[\"" + child + "\"]}");
        assertThat(JmapFixture.strings(destroyChild.get("destroyed"))).containsExactly(child);
        assertThat(destroyChild.get("newState").asString())
                .isNotEqualTo(destroyChild.get("oldState").asString());
    }

    @Test
    void destroyingAMailboxWithEmailsNeedsOnDestroyRemoveEmails() {
        String id = jmap.store.mailboxes().create(jmap.alice, "Full", null).id().value();
        jmap.deliver("Full", "Subject: x\n\nbody\n");

        JsonNode refused = jmap.call("Mailbox/set", "{\"accountId\":\"$A\",\"destroy\":[\"" + id + "\"]}");
        JsonNode done = jmap.call(
                "Mailbox/set", "{\"accountId\":\"$A\",\"destroy\":[\"" + id + "\"],\"onDestroyRemoveEmails\":true}");

        assertThat(refused.get("notDestroyed").get(id).get("type").asString()).isEqualTo("mailboxHasEmail");
        assertThat(JmapFixture.strings(done.get("destroyed"))).containsExactly(id);
    }

    @Test
    void changesReportCreatedUpdatedAndDestroyedSinceAState() {
        String before = jmap.call("Mailbox/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();
        String created =
                jmap.store.mailboxes().create(jmap.alice, "New", null).id().value();
        String gone =
                jmap.store.mailboxes().create(jmap.alice, "Gone", null).id().value();
        jmap.store.mailboxes().delete(jmap.alice, jmap.mailbox("Gone").id(), true);
        jmap.deliver("INBOX", "Subject: x\n\nbody\n");

        JsonNode changes = jmap.call("Mailbox/changes", "{\"accountId\":\"$A\",\"sinceState\":\"" + before + "\"}");

        assertThat(JmapFixture.strings(changes.get("created")))
                .as(before + " " + changes)
                .containsExactly(created);
        assertThat(JmapFixture.strings(changes.get("updated")))
                .containsExactly(jmap.mailbox("INBOX").id().value());
        assertThat(JmapFixture.strings(changes.get("destroyed"))).doesNotContain(gone);
        assertThat(changes.get("hasMoreChanges").asBoolean()).isFalse();
        JsonNode none = jmap.call(
                "Mailbox/changes",
                "{\"accountId\":\"$A\",\"sinceState\":\""
                        + changes.get("newState").asString() + "\"}");
        assertThat(none.get("created")).isEmpty();
        JsonNode bad = jmap.call("Mailbox/changes", "{\"accountId\":\"$A\",\"sinceState\":\"garbage\"}");
        assertThat(bad.get("type").asString()).isEqualTo("cannotCalculateChanges");
    }

    @Test
    void queryFiltersAndSorts() {
        jmap.store.mailboxes().create(jmap.alice, "Work", null);
        jmap.store.mailboxes().create(jmap.alice, "Work/Alpha", null);
        jmap.store.mailboxes().create(jmap.alice, "Work/beta", null);
        String work = jmap.mailbox("Work").id().value();

        JsonNode children = jmap.call(
                "Mailbox/query",
                "{\"accountId\":\"$A\",\"filter\":{\"parentId\":\"" + work + "\"},"
                        + "\"sort\":[{\"property\":\"name\",\"isAscending\":false}],\"calculateTotal\":true}");
        JsonNode withRole = jmap.call("Mailbox/query", "{\"accountId\":\"$A\",\"filter\":{\"role\":\"trash\"}}");
        JsonNode named = jmap.call(
                "Mailbox/query",
                "{\"accountId\":\"$A\",\"filter\":{\"operator\":\"AND\",\"conditions\":[{\"name\":\"A\"},{\"hasAnyRole\":false}]},"
                        + "\"sort\":[{\"property\":\"name\"}],\"limit\":1}");

        assertThat(JmapFixture.strings(children.get("ids")))
                .containsExactly(
                        jmap.mailbox("Work/beta").id().value(),
                        jmap.mailbox("Work/Alpha").id().value());
        assertThat(children.get("total").asInt()).isEqualTo(2);
        assertThat(JmapFixture.strings(withRole.get("ids")))
                .containsExactly(jmap.mailbox("Trash").id().value());
        assertThat(JmapFixture.strings(named.get("ids")))
                .containsExactly(jmap.mailbox("Work/Alpha").id().value());
        JsonNode bad = jmap.call("Mailbox/query", "{\"accountId\":\"$A\",\"filter\":{\"colour\":\"red\"}}");
        assertThat(bad.get("type").asString()).isEqualTo("unsupportedFilter");
    }
}
