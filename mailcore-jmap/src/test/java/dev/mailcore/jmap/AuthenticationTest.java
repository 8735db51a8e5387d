/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthenticationTest {
    private static final String TOKEN = "mc_token-4f2a.9b~c+d/e==";

    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    private HttpResponse<String> session(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(jmap.uri("/.well-known/jmap"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return jmap.send(request.GET().build());
    }

    @Test
    void aBearerTokenFromTheDirectoryOpensTheSession() {
        jmap.directory.addToken(TOKEN, JmapFixture.USER);

        HttpResponse<String> response = session("Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jmap.parse(response.body()).get("username").asString()).isEqualTo(JmapFixture.USER);
    }

    @Test
    void theChallengeNamesBothSchemes() {
        HttpResponse<String> response = session(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .anySatisfy(v -> assertThat(v).startsWith("Basic realm=\"jmap\""))
                .contains("Bearer realm=\"jmap\"");
    }

    @Test
    void unknownAndRevokedTokensAreInvalid() {
        jmap.directory.addToken(TOKEN, JmapFixture.USER);
        jmap.directory.revokeToken(TOKEN);

        for (String header : new String[] {"Bearer " + TOKEN, "Bearer other", "Bearer not a token", "Bearer "}) {
            HttpResponse<String> response = session(header);
            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .as(header)
                    .contains("Bearer realm=\"jmap\", error=\"invalid_token\"");
        }
        assertThat(session(JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedExactlyLikeAnUnknownOne() {
        Instant now = Instant.now();
        jmap.directory.addToken(TOKEN, JmapFixture.USER, Optional.of(now.plus(Duration.ofHours(1))));
        jmap.directory.addToken("mc_expired-token", JmapFixture.USER, Optional.of(now.minusSeconds(1)));

        assertThat(session("Bearer " + TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> expired = session("Bearer mc_expired-token");
        HttpResponse<String> unknown = session("Bearer mc_unknown-token");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().allValues("WWW-Authenticate"))
                .contains("Bearer realm=\"jmap\", error=\"invalid_token\"")
                .isEqualTo(unknown.headers().allValues("WWW-Authenticate"));
        assertThat(expired.headers().firstValue("Content-Type"))
                .isEqualTo(unknown.headers().firstValue("Content-Type"));
        assertThat(expired.body()).isEqualTo(unknown.body());
    }

    @Test
    void aBearerTokenOpensTheWebSocket() {
        jmap.directory.addToken(TOKEN, JmapFixture.USER);

        WebSocket socket = jmap.http
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .subprotocols("jmap")
                .buildAsync(
                        java.net.URI.create("ws://127.0.0.1:" + jmap.server.port() + "/jmap/ws"),
                        new WebSocket.Listener() {})
                .join();

        assertThat(socket.getSubprotocol()).isEqualTo("jmap");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void anotherUsersAccountIdIsNotFoundInEveryKindOfCall() {
        String bob = jmap.bob.value();
        for (String call : new String[] {
            "[\"Mailbox/get\",{\"accountId\":\"" + bob + "\"},\"c\"]",
            "[\"Email/query\",{\"accountId\":\"" + bob + "\"},\"c\"]",
            "[\"Email/changes\",{\"accountId\":\"" + bob + "\",\"sinceState\":\"1\"},\"c\"]",
            "[\"Mailbox/set\",{\"accountId\":\"" + bob + "\",\"create\":{\"n\":{\"name\":\"x\"}}},\"c\"]",
            "[\"Thread/get\",{\"accountId\":\"" + bob + "\",\"ids\":[]},\"c\"]"
        }) {
            JsonNode response =
                    jmap.api("[" + call + "]").get("methodResponses").get(0);
            assertThat(response.get(0).asString()).as(call).isEqualTo("error");
            assertThat(response.get(1).get("type").asString()).as(call).isEqualTo("accountNotFound");
        }
        assertThat(jmap.store.mailboxes().byPath(jmap.bob, "x")).isEmpty();
    }
}
