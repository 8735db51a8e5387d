/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.QueuedMessage;
import dev.mailcore.store.memory.MemoryOutboundQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmailSubmissionTest {
    private static final String USING =
            "[\"urn:ietf:params:jmap:core\",\"urn:ietf:params:jmap:mail\"," + "\"urn:ietf:params:jmap:submission\"]";

    private static String draft(JmapFixture jmap, String from, String recipients) {
        String drafts = jmap.mailbox("Drafts").id().value();
        return "[\"Email/set\",{\"accountId\":\"$A\",\"create\":{\"m\":{\"mailboxIds\":{\"" + drafts + "\":true},"
                + "\"keywords\":{\"$draft\":true},\"from\":[{\"email\":\"" + from + "\"}]," + recipients
                + ",\"subject\":\"Hello\",\"textBody\":[{\"partId\":\"1\"}],\"bodyValues\":{\"1\":{\"value\":\"Hi\"}}}}},"
                + "\"e\"]";
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void localRecipientsGetItInTheirInboxAndRemoteOnesAreQueued() {
        MemoryOutboundQueue queue = new MemoryOutboundQueue();
        try (JmapFixture jmap = new JmapFixture(b -> b.outboundQueue(queue))) {
            String sent = jmap.mailbox("Sent").id().value();
            String drafts = jmap.mailbox("Drafts").id().value();
            JsonNode responses = jmap.apiUsing(
                            USING,
                            "["
                                    + draft(
                                            jmap,
                                            "alice@example.com",
                                            "\"to\":[{\"email\":\"bob@example.com\"}],"
                                                    + "\"bcc\":[{\"email\":\"carol@remote.example\"}]")
                                    + ",[\"EmailSubmission/set\",{\"accountId\":\"$A\",\"create\":{\"s\":{"
                                    + "\"identityId\":\"primary\",\"emailId\":\"#m\"}},"
                                    + "\"onSuccessUpdateEmail\":{\"#s\":{\"keywords/$draft\":null,"
                                    + "\"mailboxIds/" + drafts + "\":null,\"mailboxIds/" + sent + "\":true}}},\"s\"],"
                                    + "[\"EmailSubmission/get\",{\"accountId\":\"$A\",\"ids\":[\"#s\"]},\"g\"]]")
                    .get("methodResponses");

            JsonNode created = responses.get(1).get(1).get("created").get("s");
            assertThat(created.get("undoStatus").asString()).isEqualTo("final");
            assertThat(responses.get(2).get(0).asString()).isEqualTo("Email/set");
            assertThat(responses.get(2).get(2).asString()).isEqualTo("s");
            assertThat(responses.get(2).get(1).get("updated").size()).isEqualTo(1);
            JsonNode submission = responses.get(3).get(1).get("list").get(0);
            assertThat(submission.get("envelope").get("mailFrom").get("email").asString())
                    .isEqualTo("alice@example.com");
            assertThat(submission
                            .get("deliveryStatus")
                            .get("bob@example.com")
                            .get("delivered")
                            .asString())
                    .isEqualTo("yes");
            assertThat(submission
                            .get("deliveryStatus")
                            .get("carol@remote.example")
                            .get("delivered")
                            .asString())
                    .isEqualTo("queued");

            var bobInbox = jmap.store.mailboxes().byPath(jmap.bob, "INBOX").orElseThrow();
            long[] uids = jmap.store.messages().uids(jmap.bob, bobInbox.id());
            assertThat(uids).hasSize(1);
            var bobEmail = jmap.store.messages().listByPosition(jmap.bob, bobInbox.id(), 1, 1);
            String delivered = read(
                    jmap.store.contents().open(jmap.bob, bobEmail.getFirst().emailId()));
            assertThat(delivered)
                    .contains("Subject: Hello")
                    .doesNotContain("Bcc:")
                    .doesNotContain("carol@");

            List<QueuedMessage> queued = queue.list(10);
            assertThat(queued).hasSize(1);
            assertThat(queued.getFirst().envelope().sender()).isEqualTo("alice@example.com");
            assertThat(queued.getFirst().envelope().recipients().getFirst().address())
                    .isEqualTo("carol@remote.example");
            assertThat(read(queue.open(queued.getFirst().id()))).doesNotContain("Bcc:");

            JsonNode email = jmap.call(
                    "Email/get",
                    "{\"accountId\":\"$A\",\"ids\":[\""
                            + submission.get("emailId").asString()
                            + "\"],\"properties\":[\"keywords\",\"mailboxIds\"]}");
            assertThat(email.get("list").get(0).get("keywords").has("$draft")).isFalse();
            assertThat(email.get("list").get(0).get("mailboxIds").has(sent)).isTrue();
            assertThat(email.get("list").get(0).get("mailboxIds").has(drafts)).isFalse();

            JsonNode query = jmap.apiUsing(
                            USING,
                            "[[\"EmailSubmission/query\",{\"accountId\":\"$A\",\"filter\":"
                                    + "{\"undoStatus\":\"final\"}},\"q\"],[\"EmailSubmission/changes\","
                                    + "{\"accountId\":\"$A\",\"sinceState\":\"0\"},\"c\"]]")
                    .get("methodResponses");
            assertThat(query.get(0).get(1).get("ids").get(0).asString())
                    .isEqualTo(submission.get("id").asString());
            assertThat(query.get(1).get(1).get("created").get(0).asString())
                    .isEqualTo(submission.get("id").asString());
        }
    }

    @Test
    void badSubmissionsAreSetErrorsAndSendNothing() {
        try (JmapFixture jmap = new JmapFixture()) {
            JsonNode responses = jmap.apiUsing(
                            USING,
                            "[" + draft(jmap, "alice@example.com", "\"to\":[{\"email\":\"carol@remote.example\"}]")
                                    + ",[\"Email/set\",{\"accountId\":\"$A\",\"create\":{\"forged\":{\"mailboxIds\":{\""
                                    + jmap.mailbox("Drafts").id().value() + "\":true},"
                                    + "\"from\":[{\"email\":\"bob@example.com\"}],\"to\":[{\"email\":\"bob@example.com\"}]},"
                                    + "\"alone\":{\"mailboxIds\":{\""
                                    + jmap.mailbox("Drafts").id().value() + "\":true},"
                                    + "\"from\":[{\"email\":\"alice@example.com\"}]}}},\"f\"],"
                                    + "[\"EmailSubmission/set\",{\"accountId\":\"$A\",\"create\":{"
                                    + "\"remote\":{\"identityId\":\"primary\",\"emailId\":\"#m\"},"
                                    + "\"noIdentity\":{\"identityId\":\"Inope\",\"emailId\":\"#m\"},"
                                    + "\"noEmail\":{\"identityId\":\"primary\",\"emailId\":\"Mnope\"},"
                                    + "\"forged\":{\"identityId\":\"primary\",\"emailId\":\"#forged\"},"
                                    + "\"noRecipients\":{\"identityId\":\"primary\",\"emailId\":\"#alone\"},"
                                    + "\"mailFrom\":{\"identityId\":\"primary\",\"emailId\":\"#m\",\"envelope\":"
                                    + "{\"mailFrom\":{\"email\":\"bob@example.com\"},\"rcptTo\":[{\"email\":"
                                    + "\"bob@example.com\"}]}},"
                                    + "\"unknownLocal\":{\"identityId\":\"primary\",\"emailId\":\"#m\",\"envelope\":"
                                    + "{\"mailFrom\":{\"email\":\"alice@example.com\"},\"rcptTo\":[{\"email\":"
                                    + "\"nobody@example.com\"}]}}},\"onSuccessDestroyEmail\":[\"#remote\"]},\"s\"]]")
                    .get("methodResponses");

            JsonNode notCreated = responses.get(2).get(1).get("notCreated");
            assertThat(notCreated.get("remote").get("type").asString()).isEqualTo("invalidRecipients");
            assertThat(notCreated.get("remote").get("invalidRecipients").get(0).asString())
                    .isEqualTo("carol@remote.example");
            assertThat(notCreated.get("noIdentity").get("type").asString()).isEqualTo("invalidProperties");
            assertThat(notCreated.get("noEmail").get("type").asString()).isEqualTo("invalidProperties");
            assertThat(notCreated.get("forged").get("type").asString()).isEqualTo("forbiddenFrom");
            assertThat(notCreated.get("noRecipients").get("type").asString()).isEqualTo("noRecipients");
            assertThat(notCreated.get("mailFrom").get("type").asString()).isEqualTo("forbiddenMailFrom");
            assertThat(notCreated.get("unknownLocal").get("type").asString()).isEqualTo("invalidRecipients");
            assertThat(responses).hasSize(3);
            var bobInbox = jmap.store.mailboxes().byPath(jmap.bob, "INBOX").orElseThrow();
            assertThat(jmap.store.messages().uids(jmap.bob, bobInbox.id())).isEmpty();
        }
    }
}
