/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmailQueryTest {
    private final JmapFixture jmap = new JmapFixture();
    private String apple;
    private String banana;
    private String cherry;

    @BeforeEach
    void mail() {
        apple = append(
                "INBOX",
                "From: ann@example.com\nTo: x@example.com\nSubject: apple\n\nred fruit\n",
                "2026-01-01T10:00:00Z",
                Set.of("$seen"));
        banana = append(
                "INBOX",
                "From: bea@example.com\nTo: y@example.com\nSubject: banana\nMessage-ID: <b@x>\n\nyellow fruit, a longer body\n",
                "2026-01-02T10:00:00Z",
                Set.of());
        jmap.store.mailboxes().create(jmap.alice, "Archive/Old", null);
        cherry = append(
                "Archive/Old",
                "From: cid@example.com\nTo: x@example.com\nSubject: Re: banana\nIn-Reply-To: <b@x>\n\nred again\n",
                "2026-01-03T10:00:00Z",
                Set.of("$flagged"));
    }

    @AfterEach
    void close() {
        jmap.close();
    }

    private String append(String path, String message, String receivedAt, Set<String> keywords) {
        AppendResult result = jmap.store
                .messages()
                .append(
                        jmap.alice,
                        jmap.mailbox(path).id(),
                        new AppendRequest(
                                new ByteArrayInputStream(
                                        message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)),
                                keywords,
                                Instant.parse(receivedAt)));
        return result.emailId().value();
    }

    private List<String> query(String arguments) {
        JsonNode response = jmap.call("Email/query", "{\"accountId\":\"$A\"," + arguments + "}");
        assertThat(response.has("ids")).as(response.toString()).isTrue();
        return JmapFixture.strings(response.get("ids"));
    }

    private String inbox() {
        return jmap.mailbox("INBOX").id().value();
    }

    @Test
    void aRepeatedQueryFollowsEveryChangeInBetween() {
        String inInbox = "\"filter\":{\"inMailbox\":\"" + inbox() + "\"},"
                + "\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":false}]";
        String unread = "\"filter\":{\"notKeyword\":\"$seen\"}";
        List<String> before = query(inInbox);
        List<String> unreadBefore = query(unread);
        String date = append(
                "INBOX", "From: dan@example.com\nSubject: date\n\nbrown fruit\n", "2026-01-04T10:00:00Z", Set.of());
        List<String> afterDelivery = query(inInbox);
        jmap.call("Email/set", "{\"accountId\":\"$A\",\"update\":{\"" + banana + "\":{\"keywords/$seen\":true}}}");
        List<String> unreadAfter = query(unread);

        assertThat(before).containsExactly(banana, apple);
        assertThat(query(inInbox)).isEqualTo(afterDelivery);
        assertThat(afterDelivery).containsExactly(date, banana, apple);
        assertThat(unreadBefore).containsExactlyInAnyOrder(banana, cherry);
        assertThat(unreadAfter).containsExactlyInAnyOrder(cherry, date);
    }

    @Test
    void withoutSortTheNewestComeFirst() {
        assertThat(query("\"filter\":null")).containsExactly(cherry, banana, apple);
    }

    @Test
    void filtersMapOntoTheStoreSearch() {
        assertThat(query("\"filter\":{\"inMailbox\":\"" + inbox() + "\"}")).containsExactly(banana, apple);
        assertThat(query("\"filter\":{\"inMailboxOtherThan\":[\"" + inbox() + "\"]}"))
                .containsExactly(cherry);
        assertThat(query("\"filter\":{\"hasKeyword\":\"$seen\"}")).containsExactly(apple);
        assertThat(query("\"filter\":{\"notKeyword\":\"$seen\"}")).containsExactly(cherry, banana);
        assertThat(query("\"filter\":{\"after\":\"2026-01-02T10:00:00Z\"}")).containsExactly(cherry, banana);
        assertThat(query("\"filter\":{\"before\":\"2026-01-02T10:00:00Z\"}")).containsExactly(apple);
        assertThat(query("\"filter\":{\"from\":\"bea\"}")).containsExactly(banana);
        assertThat(query("\"filter\":{\"to\":\"x@example.com\"}")).containsExactly(cherry, apple);
        assertThat(query("\"filter\":{\"subject\":\"banana\"}")).containsExactly(cherry, banana);
        assertThat(query("\"filter\":{\"body\":\"red\"}")).containsExactly(cherry, apple);
        assertThat(query("\"filter\":{\"text\":\"yellow\"}")).containsExactly(banana);
        assertThat(query("\"filter\":{\"header\":[\"In-Reply-To\"]}")).containsExactly(cherry);
        assertThat(query("\"filter\":{\"operator\":\"OR\",\"conditions\":[{\"from\":\"ann\"},{\"from\":\"cid\"}]}"))
                .containsExactly(cherry, apple);
        assertThat(query("\"filter\":{\"operator\":\"NOT\",\"conditions\":[{\"from\":\"ann\"},{\"from\":\"cid\"}]}"))
                .containsExactly(banana);
        assertThat(query("\"filter\":{\"body\":\"red\",\"hasKeyword\":\"$flagged\"}"))
                .containsExactly(cherry);
        long bananaSize = jmap.store
                .messages()
                .emails(jmap.alice, List.of(dev.mailcore.api.EmailId.of(banana)))
                .values()
                .iterator()
                .next()
                .size();
        assertThat(query("\"filter\":{\"minSize\":" + bananaSize + "}")).containsExactly(banana);
        assertThat(query("\"filter\":{\"maxSize\":" + bananaSize + "}")).doesNotContain(banana);
    }

    @Test
    void sortsPagesAndCollapsesThreads() {
        assertThat(query("\"sort\":[{\"property\":\"subject\"},{\"property\":\"receivedAt\",\"isAscending\":true}]"))
                .containsExactly(apple, banana, cherry);
        assertThat(query("\"sort\":[{\"property\":\"from\",\"isAscending\":false}]"))
                .containsExactly(cherry, banana, apple);
        assertThat(query("\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":true}],\"position\":1,\"limit\":1"))
                .containsExactly(banana);
        assertThat(query("\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":true}],\"position\":-1"))
                .containsExactly(cherry);
        assertThat(query("\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":true}],\"anchor\":\"" + banana
                        + "\",\"anchorOffset\":1"))
                .containsExactly(cherry);
        assertThat(query("\"collapseThreads\":true")).containsExactly(cherry, apple);

        JsonNode total = jmap.call("Email/query", "{\"accountId\":\"$A\",\"calculateTotal\":true,\"limit\":1}");
        assertThat(total.get("total").asInt()).isEqualTo(3);
        assertThat(total.get("queryState").asString()).isNotEmpty();
        assertThat(total.get("canCalculateChanges").asBoolean()).isTrue();
    }

    @Test
    void aMailboxListedNewestFirstPagesLikeAnyOtherQuery() {
        List<String> ties = new ArrayList<>(List.of(banana));
        List<String> newer = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ties.add(append("INBOX", "Subject: tie " + i + "\n\nx\n", "2026-01-02T10:00:00Z", Set.of()));
            newer.addFirst(
                    append("INBOX", "Subject: new " + i + "\n\nx\n", "2026-01-0" + (i + 4) + "T10:00:00Z", Set.of()));
        }
        List<String> expected = new ArrayList<>(newer);
        ties.sort(null); // received at the same instant: by id, as every query breaks ties
        expected.addAll(ties);
        expected.add(apple);
        String newestFirst = "\"sort\":[{\"property\":\"receivedAt\",\"isAscending\":false}]";
        // The same emails through the general search: a second condition that every one of them meets.
        assertThat(query("\"filter\":{\"inMailbox\":\"" + inbox() + "\",\"before\":\"2100-01-01T00:00:00Z\"},"
                        + newestFirst))
                .isEqualTo(expected);
        String inInbox = "\"filter\":{\"inMailbox\":\"" + inbox() + "\"},";

        assertThat(query(inInbox + newestFirst)).isEqualTo(expected);
        assertThat(query(inInbox.replace(",", ""))).isEqualTo(expected);
        for (int position = 0; position <= 12; position += 3) {
            JsonNode page = jmap.call(
                    "Email/query",
                    "{\"accountId\":\"$A\"," + inInbox + newestFirst + ",\"position\":" + position
                            + ",\"limit\":3,\"calculateTotal\":true}");
            int start = Math.min(position, 10);
            assertThat(JmapFixture.strings(page.get("ids")))
                    .isEqualTo(expected.subList(start, Math.min(start + 3, 10)));
            assertThat(page.get("position").asInt()).isEqualTo(start);
            assertThat(page.get("total").asInt()).isEqualTo(10);
            assertThat(page.get("limit").asInt()).isEqualTo(3);
        }
        assertThat(query(inInbox + newestFirst + ",\"position\":-2")).isEqualTo(expected.subList(8, 10));
        assertThat(query(inInbox + newestFirst + ",\"limit\":0")).isEmpty();
    }

    @Test
    void unsupportedFiltersAndSortsAreRefused() {
        JsonNode filter = jmap.call("Email/query", "{\"accountId\":\"$A\",\"filter\":{\"colour\":\"red\"}}");
        JsonNode sort = jmap.call("Email/query", "{\"accountId\":\"$A\",\"sort\":[{\"property\":\"colour\"}]}");
        JsonNode anchor = jmap.call("Email/query", "{\"accountId\":\"$A\",\"anchor\":\"Mnope\"}");

        assertThat(filter.get("type").asString()).isEqualTo("unsupportedFilter");
        assertThat(sort.get("type").asString()).isEqualTo("unsupportedSort");
        assertThat(anchor.get("type").asString()).isEqualTo("anchorNotFound");
    }

    @Test
    void queryThenGetInOneRequestWithABackReference() {
        JsonNode responses = jmap.api("[[\"Email/query\",{\"accountId\":\"$A\",\"filter\":{\"from\":\"ann\"}},\"q\"],"
                        + "[\"Email/get\",{\"accountId\":\"$A\",\"#ids\":{\"resultOf\":\"q\",\"name\":\"Email/query\","
                        + "\"path\":\"/ids\"},\"properties\":[\"subject\"]},\"g\"]]")
                .get("methodResponses");

        assertThat(responses.get(1).get(1).get("list").get(0).get("subject").asString())
                .isEqualTo("apple");
    }
}
