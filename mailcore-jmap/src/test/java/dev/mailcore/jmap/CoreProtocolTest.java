/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CoreProtocolTest {
    private final JmapFixture jmap = new JmapFixture(b -> b.limits(JmapLimits.DEFAULTS
            .withMaxCallsInRequest(4)
            .withMaxSizeRequest(2000)
            .withMaxObjectsInGet(2)));

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void sessionResourceDescribesCapabilitiesAccountsAndUrls() {
        HttpResponse<String> response =
                jmap.send(jmap.request("/.well-known/jmap").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode session = jmap.parse(response.body());
        JsonNode core = session.get("capabilities").get("urn:ietf:params:jmap:core");
        assertThat(core.get("maxCallsInRequest").asInt()).isEqualTo(4);
        assertThat(core.get("maxObjectsInGet").asInt()).isEqualTo(2);
        assertThat(core.has("maxSizeUpload")).isTrue();
        assertThat(session.get("capabilities").has("urn:ietf:params:jmap:mail")).isTrue();
        String id = jmap.accountId();
        assertThat(session.get("accounts").get(id).get("isPersonal").asBoolean())
                .isTrue();
        assertThat(session.get("accounts").get(id).get("accountCapabilities").has("urn:ietf:params:jmap:mail"))
                .isTrue();
        assertThat(session.get("primaryAccounts")
                        .get("urn:ietf:params:jmap:mail")
                        .asString())
                .isEqualTo(id);
        assertThat(session.get("username").asString()).isEqualTo(JmapFixture.USER);
        String base = "http://127.0.0.1:" + jmap.server.port() + "/jmap";
        assertThat(session.get("apiUrl").asString()).isEqualTo(base + "/api");
        assertThat(session.get("downloadUrl").asString())
                .isEqualTo(base + "/download/{accountId}/{blobId}/{name}?accept={type}");
        assertThat(session.get("uploadUrl").asString()).isEqualTo(base + "/upload/{accountId}/");
        assertThat(session.get("eventSourceUrl").asString()).startsWith(base + "/eventsource?types={types}");
        assertThat(session.get("state").asString()).isNotEmpty();
    }

    @Test
    void withoutValidCredentialsTheServerAsksForBasicAuth() {
        HttpResponse<String> none = jmap.send(
                HttpRequest.newBuilder(jmap.uri("/.well-known/jmap")).GET().build());
        HttpResponse<String> wrong = jmap.send(HttpRequest.newBuilder(jmap.uri("/jmap/api"))
                .header("Authorization", JmapFixture.basic(JmapFixture.USER, "nope"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsAreAnsweredEverMoreSlowly() {
        try (JmapFixture slow = new JmapFixture(b -> b.authBackoff(java.time.Duration.ofMillis(200)))) {
            long[] elapsed = new long[3];
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = slow.send(HttpRequest.newBuilder(slow.uri("/.well-known/jmap"))
                        .header("Authorization", JmapFixture.basic(JmapFixture.USER, "guess" + i))
                        .GET()
                        .build());
                elapsed[i] = (System.nanoTime() - start) / 1_000_000;
                assertThat(response.statusCode()).isEqualTo(401);
            }
            // 200 ms, 400 ms, 800 ms at least: the delays are lower bounds, never upper ones.
            assertThat(elapsed[1]).isGreaterThanOrEqualTo(400);
            assertThat(elapsed[2]).isGreaterThanOrEqualTo(800);
            HttpResponse<String> right =
                    slow.send(slow.request("/.well-known/jmap").GET().build());
            assertThat(right.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void echoAnswersWithItsArguments() {
        JsonNode response = jmap.api("[[\"Core/echo\",{\"hello\":true,\"n\":[1,2]},\"e1\"]]");

        assertThat(response.get("methodResponses").toString())
                .isEqualTo("[[\"Core/echo\",{\"hello\":true,\"n\":[1,2]},\"e1\"]]");
        assertThat(response.get("sessionState").asString()).isNotEmpty();
    }

    @Test
    void requestLevelErrorsAreProblemDocuments() {
        assertProblem(jmap.post("{not json"), "urn:ietf:params:jmap:error:notJSON");
        assertProblem(jmap.post("{\"methodCalls\":[]}"), "urn:ietf:params:jmap:error:notRequest");
        assertProblem(
                jmap.post("{\"using\":[],\"methodCalls\":[[\"Core/echo\",{}]]}"),
                "urn:ietf:params:jmap:error:notRequest");
        assertProblem(
                jmap.post("{\"using\":[\"urn:example:nope\"],\"methodCalls\":[]}"),
                "urn:ietf:params:jmap:error:unknownCapability");
        HttpResponse<String> tooMany = jmap.post(
                "{\"using\":[\"urn:ietf:params:jmap:core\"],\"methodCalls\":"
                        + "[[\"Core/echo\",{},\"1\"],[\"Core/echo\",{},\"2\"],[\"Core/echo\",{},\"3\"],[\"Core/echo\",{},\"4\"],[\"Core/echo\",{},\"5\"]]}");
        assertProblem(tooMany, "urn:ietf:params:jmap:error:limit");
        assertThat(jmap.parse(tooMany.body()).get("limit").asString()).isEqualTo("maxCallsInRequest");
        HttpResponse<String> tooBig = jmap.post("{\"using\":[\"urn:ietf:params:jmap:core\"],\"methodCalls\":"
                + "[[\"Core/echo\",{\"pad\":\"" + "x".repeat(3000) + "\"},\"1\"]]}");
        assertProblem(tooBig, "urn:ietf:params:jmap:error:limit");
        assertThat(jmap.parse(tooBig.body()).get("limit").asString()).isEqualTo("maxSizeRequest");

        // The server keeps serving after every refusal.
        assertThat(jmap.call("Core/echo", "{\"ok\":1}").get("ok").asInt()).isEqualTo(1);
    }

    private void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = jmap.parse(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void methodLevelErrorsAnswerTheCallAndTheRequestGoesOn() {
        JsonNode responses = jmap.api("[[\"Nope/get\",{},\"a\"],"
                        + "[\"Mailbox/get\",{\"accountId\":\"someone-else\"},\"b\"],"
                        + "[\"Mailbox/get\",{\"accountId\":\"$A\",\"ids\":[\"x\",\"y\",\"z\"]},\"c\"]]")
                .get("methodResponses");

        assertThat(responses.get(0).get(0).asString()).isEqualTo("error");
        assertThat(responses.get(0).get(1).get("type").asString()).isEqualTo("unknownMethod");
        assertThat(responses.get(0).get(2).asString()).isEqualTo("a");
        assertThat(responses.get(1).get(1).get("type").asString()).isEqualTo("accountNotFound");
        assertThat(responses.get(2).get(1).get("type").asString()).isEqualTo("requestTooLarge");
    }

    @Test
    void anotherUsersAccountIsNeverReachable() {
        JsonNode response = jmap.call("Mailbox/get", "{\"accountId\":\"" + jmap.bob.value() + "\"}");

        assertThat(response.get("type").asString()).isEqualTo("accountNotFound");
    }

    @Test
    void methodsOfCapabilitiesNotInUsingAreUnknown() {
        HttpResponse<String> response = jmap.post("{\"using\":[\"urn:ietf:params:jmap:core\"],\"methodCalls\":"
                + "[[\"Mailbox/get\",{\"accountId\":\"" + jmap.accountId() + "\"},\"0\"]]}");

        JsonNode call = jmap.parse(response.body()).get("methodResponses").get(0);
        assertThat(call.get(1).get("type").asString()).isEqualTo("unknownMethod");
    }

    @Test
    void backReferencesTakeValuesFromEarlierResultsWithWildcards() {
        JsonNode responses = jmap.api(
                        "[[\"Core/echo\",{\"list\":[{\"id\":\"a\",\"tags\":[\"x\",\"y\"]},"
                                + "{\"id\":\"b\",\"tags\":[\"z\"]}]},\"first\"],"
                                + "[\"Core/echo\",{\"#ids\":{\"resultOf\":\"first\",\"name\":\"Core/echo\",\"path\":\"/list/*/id\"},"
                                + "\"#tags\":{\"resultOf\":\"first\",\"name\":\"Core/echo\",\"path\":\"/list/*/tags\"},"
                                + "\"#one\":{\"resultOf\":\"first\",\"name\":\"Core/echo\",\"path\":\"/list/1/id\"}},\"second\"],"
                                + "[\"Core/echo\",{\"#x\":{\"resultOf\":\"nowhere\",\"name\":\"Core/echo\",\"path\":\"/a\"}},\"third\"],"
                                + "[\"Core/echo\",{\"#x\":{\"resultOf\":\"first\",\"name\":\"Mailbox/get\",\"path\":\"/list\"}},\"fourth\"]]")
                .get("methodResponses");

        JsonNode second = responses.get(1).get(1);
        assertThat(second.get("ids").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(second.get("tags").toString()).isEqualTo("[\"x\",\"y\",\"z\"]");
        assertThat(second.get("one").asString()).isEqualTo("b");
        assertThat(responses.get(2).get(1).get("type").asString()).isEqualTo("invalidResultReference");
        assertThat(responses.get(3).get(1).get("type").asString()).isEqualTo("invalidResultReference");
    }

    @Test
    void unknownPathsAreNotFoundAndOtherHandlersGetOutsideOnes() {
        HttpResponse<String> inside =
                jmap.send(jmap.request("/jmap/nothing").GET().build());
        HttpResponse<String> outside =
                jmap.send(jmap.request("/elsewhere").GET().build());

        assertThat(inside.statusCode()).isEqualTo(404);
        assertThat(outside.statusCode()).isEqualTo(404);
    }
}
