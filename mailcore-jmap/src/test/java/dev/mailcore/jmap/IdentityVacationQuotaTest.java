/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityVacationQuotaTest {
    private static final String SUBMISSION = "urn:ietf:params:jmap:submission";
    private static final String VACATION = "urn:ietf:params:jmap:vacationresponse";
    private static final String QUOTA = "urn:ietf:params:jmap:quota";

    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void theSessionNamesTheNewCapabilities() {
        HttpResponse<String> response =
                jmap.send(jmap.request("/.well-known/jmap").GET().build());
        JsonNode session = jmap.parse(response.body());

        for (String capability : new String[] {SUBMISSION, VACATION, QUOTA}) {
            assertThat(session.get("capabilities").has(capability))
                    .as(capability)
                    .isTrue();
            assertThat(session.get("accounts")
                            .get(jmap.accountId())
                            .get("accountCapabilities")
                            .has(capability))
                    .as(capability)
                    .isTrue();
        }
    }

    @Test
    void identitiesStartWithThePrimaryAddressAndFollowChanges() {
        JsonNode first = jmap.callUsing(SUBMISSION, "Identity/get", "{\"accountId\":\"$A\"}");
        JsonNode primary = first.get("list").get(0);
        assertThat(primary.get("email").asString()).isEqualTo(JmapFixture.USER);
        assertThat(primary.get("mayDelete").asBoolean()).isFalse();
        String state = first.get("state").asString();

        JsonNode set = jmap.callUsing(
                SUBMISSION,
                "Identity/set",
                "{\"accountId\":\"$A\",\"create\":{\"w\":{\"name\":\"Alice at work\",\"email\":\"alice@example.com\","
                        + "\"textSignature\":\"-- Alice\"},\"stolen\":{\"email\":\"bob@example.com\"},"
                        + "\"bad\":{\"email\":\"alice@example.com\",\"mayDelete\":false}},"
                        + "\"update\":{\"" + primary.get("id").asString() + "\":{\"name\":\"Alice\"}},"
                        + "\"destroy\":[\"" + primary.get("id").asString() + "\",\"Inope\"]}");
        String created = set.get("created").get("w").get("id").asString();
        JsonNode changes = jmap.callUsing(
                SUBMISSION, "Identity/changes", "{\"accountId\":\"$A\",\"sinceState\":\"" + state + "\"}");
        JsonNode destroy =
                jmap.callUsing(SUBMISSION, "Identity/set", "{\"accountId\":\"$A\",\"destroy\":[\"" + created + "\"]}");
        JsonNode stale = jmap.callUsing(
                SUBMISSION, "Identity/set", "{\"accountId\":\"$A\",\"ifInState\":\"" + state + "\",\"destroy\":[]}");
        JsonNode after = jmap.callUsing(SUBMISSION, "Identity/get", "{\"accountId\":\"$A\"}");
        JsonNode badState =
                jmap.callUsing(SUBMISSION, "Identity/changes", "{\"accountId\":\"$A\",\"sinceState\":\"99\"}");

        assertThat(set.get("notCreated").get("stolen").get("type").asString()).isEqualTo("forbiddenFrom");
        assertThat(set.get("notCreated").get("bad").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(set.get("updated").has(primary.get("id").asString())).isTrue();
        assertThat(set.get("notDestroyed")
                        .get(primary.get("id").asString())
                        .get("type")
                        .asString())
                .isEqualTo("forbidden");
        assertThat(set.get("notDestroyed").get("Inope").get("type").asString()).isEqualTo("notFound");
        assertThat(changes.get("created").toString()).isEqualTo("[\"" + created + "\"]");
        assertThat(changes.get("updated").get(0).asString())
                .isEqualTo(primary.get("id").asString());
        assertThat(destroy.get("destroyed").get(0).asString()).isEqualTo(created);
        assertThat(stale.get("type").asString()).isEqualTo("stateMismatch");
        assertThat(after.get("list")).hasSize(1);
        assertThat(after.get("list").get(0).get("name").asString()).isEqualTo("Alice");
        assertThat(badState.get("type").asString()).isEqualTo("cannotCalculateChanges");
    }

    @Test
    void identityMethodsNeedTheSubmissionCapability() {
        JsonNode response = jmap.call("Identity/get", "{\"accountId\":\"$A\"}");

        assertThat(response.get("type").asString()).isEqualTo("unknownMethod");
    }

    @Test
    void theVacationResponseIsASingletonThatCanBeUpdated() {
        JsonNode initial = jmap.callUsing(VACATION, "VacationResponse/get", "{\"accountId\":\"$A\",\"ids\":null}");
        JsonNode set = jmap.callUsing(
                VACATION,
                "VacationResponse/set",
                "{\"accountId\":\"$A\",\"update\":{\"singleton\":{\"isEnabled\":true,\"subject\":\"Away\","
                        + "\"textBody\":\"Back on Monday\",\"fromDate\":\"2026-07-01T00:00:00Z\"}},"
                        + "\"create\":{\"x\":{}},\"destroy\":[\"singleton\"]}");
        JsonNode bad = jmap.callUsing(
                VACATION,
                "VacationResponse/set",
                "{\"accountId\":\"$A\",\"update\":{\"singleton\":{\"fromDate\":\"soon\"},\"other\":{}}}");
        JsonNode stale = jmap.callUsing(
                VACATION,
                "VacationResponse/set",
                "{\"accountId\":\"$A\",\"ifInState\":\"" + initial.get("state").asString()
                        + "\",\"update\":{\"singleton\":{\"isEnabled\":false}}}");
        JsonNode after = jmap.callUsing(
                VACATION, "VacationResponse/get", "{\"accountId\":\"$A\",\"ids\":[\"singleton\",\"nope\"]}");

        assertThat(initial.get("list").get(0).get("isEnabled").asBoolean()).isFalse();
        assertThat(set.get("updated").has("singleton")).isTrue();
        assertThat(set.get("newState").asString())
                .isNotEqualTo(set.get("oldState").asString());
        assertThat(set.get("notCreated").get("x").get("type").asString()).isEqualTo("singleton");
        assertThat(set.get("notDestroyed").get("singleton").get("type").asString())
                .isEqualTo("singleton");
        assertThat(bad.get("notUpdated").get("singleton").get("type").asString())
                .isEqualTo("invalidProperties");
        assertThat(bad.get("notUpdated").get("other").get("type").asString()).isEqualTo("notFound");
        assertThat(stale.get("type").asString()).isEqualTo("stateMismatch");
        JsonNode vacation = after.get("list").get(0);
        assertThat(vacation.get("isEnabled").asBoolean()).isTrue();
        assertThat(vacation.get("subject").asString()).isEqualTo("Away");
        assertThat(vacation.get("fromDate").asString()).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(after.get("notFound").get(0).asString()).isEqualTo("nope");
    }

    @Test
    void quotasShowTheStoresUsageAndLimits() {
        JsonNode before = jmap.callUsing(QUOTA, "Quota/get", "{\"accountId\":\"$A\",\"ids\":null}");
        jmap.deliver("INBOX", "Subject: q\n\n" + "x".repeat(1000) + "\n");
        JsonNode after = jmap.callUsing(QUOTA, "Quota/get", "{\"accountId\":\"$A\",\"ids\":[\"storage\",\"nope\"]}");
        JsonNode changes = jmap.callUsing(
                QUOTA,
                "Quota/changes",
                "{\"accountId\":\"$A\",\"sinceState\":\"" + before.get("state").asString() + "\"}");
        JsonNode query = jmap.callUsing(
                QUOTA,
                "Quota/query",
                "{\"accountId\":\"$A\",\"filter\":{\"resourceType\":\"count\"},\"sort\":[{\"property\":\"used\"}]}");
        JsonNode badFilter =
                jmap.callUsing(QUOTA, "Quota/query", "{\"accountId\":\"$A\",\"filter\":{\"colour\":\"red\"}}");
        JsonNode queryChanges =
                jmap.callUsing(QUOTA, "Quota/queryChanges", "{\"accountId\":\"$A\",\"sinceQueryState\":\"1\"}");

        assertThat(before.get("list")).hasSize(2);
        JsonNode storage = after.get("list").get(0);
        assertThat(storage.get("resourceType").asString()).isEqualTo("octets");
        assertThat(storage.get("hardLimit").asLong()).isEqualTo(10L << 20);
        assertThat(storage.get("used").asLong()).isGreaterThan(1000);
        assertThat(storage.get("scope").asString()).isEqualTo("account");
        assertThat(after.get("notFound").get(0).asString()).isEqualTo("nope");
        assertThat(changes.get("updated").toString()).contains("storage").contains("count");
        assertThat(query.get("ids").toString()).isEqualTo("[\"count\"]");
        assertThat(badFilter.get("type").asString()).isEqualTo("unsupportedFilter");
        assertThat(queryChanges.get("type").asString()).isEqualTo("cannotCalculateChanges");
    }
}
