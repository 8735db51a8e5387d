/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchSnippetTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void matchesAreMarkedAndTheRestEscaped() {
        String id = jmap.deliver("INBOX", "Subject: Budget <draft> & plan\n\nThe budget for Q3 is attached.\n")
                .emailId()
                .value();
        String other =
                jmap.deliver("INBOX", "Subject: Lunch\n\nSee you\n").emailId().value();

        JsonNode response = jmap.api("[[\"Email/query\",{\"accountId\":\"$A\",\"filter\":{\"text\":\"budget\"}},\"q\"],"
                        + "[\"SearchSnippet/get\",{\"accountId\":\"$A\",\"filter\":{\"text\":\"budget\"},"
                        + "\"#emailIds\":{\"resultOf\":\"q\",\"name\":\"Email/query\",\"path\":\"/ids\"}},\"s\"]]")
                .get("methodResponses")
                .get(1)
                .get(1);
        JsonNode subjectOnly = jmap.call(
                "SearchSnippet/get",
                "{\"accountId\":\"$A\",\"filter\":{\"subject\":\"plan\"},\"emailIds\":[\"" + id + "\",\"" + other
                        + "\",\"Mnope\"]}");

        JsonNode snippet = response.get("list").get(0);
        assertThat(snippet.get("emailId").asString()).isEqualTo(id);
        assertThat(snippet.get("subject").asString()).isEqualTo("<mark>Budget</mark> &lt;draft&gt; &amp; plan");
        assertThat(snippet.get("preview").asString()).startsWith("The <mark>budget</mark> for Q3");
        assertThat(subjectOnly.get("list").get(0).get("subject").asString())
                .isEqualTo("Budget &lt;draft&gt; &amp; <mark>plan</mark>");
        assertThat(subjectOnly.get("list").get(0).get("preview").isNull()).isTrue();
        assertThat(subjectOnly.get("list").get(1).get("subject").isNull()).isTrue();
        assertThat(subjectOnly.get("notFound").get(0).asString()).isEqualTo("Mnope");
    }

    @Test
    void badArgumentsAreMethodErrors() {
        JsonNode noIds = jmap.call("SearchSnippet/get", "{\"accountId\":\"$A\",\"filter\":{\"text\":\"x\"}}");
        JsonNode badFilter =
                jmap.call("SearchSnippet/get", "{\"accountId\":\"$A\",\"filter\":{\"colour\":\"x\"},\"emailIds\":[]}");

        assertThat(noIds.get("type").asString()).isEqualTo("invalidArguments");
        assertThat(badFilter.get("type").asString()).isEqualTo("unsupportedFilter");
    }
}
