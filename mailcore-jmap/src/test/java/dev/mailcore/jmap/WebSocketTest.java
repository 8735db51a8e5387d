/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebSocketTest {
    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    /** A JMAP WebSocket client on the JDK's WebSocket, collecting whole text messages. */
    private final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Client() {
            socket = jmap.http
                    .newWebSocketBuilder()
                    .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                    .subprotocols("jmap")
                    .buildAsync(wsUri(), this)
                    .join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) {
            socket.sendText(text.replace("$A", jmap.accountId()), true).join();
        }

        JsonNode next() throws InterruptedException {
            String message = messages.poll(30, TimeUnit.SECONDS);
            assertThat(message).as("a message from the server").isNotNull();
            return jmap.parse(message);
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    private URI wsUri() {
        return URI.create("ws://127.0.0.1:" + jmap.server.port() + "/jmap/ws");
    }

    private static String request(String id, String methodCalls) {
        return "{\"@type\":\"Request\",\"id\":\"" + id + "\",\"using\":" + JmapFixture.USING + ",\"methodCalls\":"
                + methodCalls + "}";
    }

    @Test
    void theSessionNamesTheWebSocketUrl() {
        JsonNode session = jmap.parse(
                jmap.send(jmap.request("/.well-known/jmap").GET().build()).body());

        JsonNode capability = session.get("capabilities").get("urn:ietf:params:jmap:websocket");
        assertThat(capability.get("url").asString()).isEqualTo(wsUri().toString());
        assertThat(capability.get("supportsPush").asBoolean()).isTrue();
    }

    @Test
    void requestsAreAnsweredWithResponsesCarryingTheirId() throws Exception {
        try (Client client = new Client()) {
            assertThat(client.socket.getSubprotocol()).isEqualTo("jmap");

            client.send(request("R1", """
                    [["Mailbox/query",{"accountId":"$A","filter":{"role":"inbox"}},"q"],
                     ["Mailbox/get",{"accountId":"$A","#ids":{"resultOf":"q","name":"Mailbox/query","path":"/ids"},
                       "properties":["name"]},"g"]]"""));

            JsonNode response = client.next();
            assertThat(response.get("@type").asString()).isEqualTo("Response");
            assertThat(response.get("requestId").asString()).isEqualTo("R1");
            String sessionState = jmap.parse(
                            jmap.send(jmap.request("/.well-known/jmap").GET().build())
                                    .body())
                    .get("state")
                    .asString();
            assertThat(response.get("sessionState").asString()).isEqualTo(sessionState);
            JsonNode get = response.get("methodResponses").get(1);
            assertThat(get.get(0).asString()).isEqualTo("Mailbox/get");
            assertThat(get.get(1).get("list").get(0).get("name").asString()).isEqualTo("INBOX");
            assertThat(get.get(2).asString()).isEqualTo("g");
        }
    }

    @Test
    void badMessagesGetRequestErrorsAndTheConnectionGoesOn() throws Exception {
        try (Client client = new Client()) {
            client.send("The quick brown fox");
            JsonNode notJson = client.next();
            assertThat(notJson.get("@type").asString()).isEqualTo("RequestError");
            assertThat(notJson.get("requestId").isNull()).isTrue();
            assertThat(notJson.get("type").asString()).isEqualTo("urn:ietf:params:jmap:error:notJSON");
            assertThat(notJson.get("status").asInt()).isEqualTo(400);

            client.send("{\"@type\":\"Mystery\",\"id\":\"R2\"}");
            JsonNode unknownType = client.next();
            assertThat(unknownType.get("@type").asString()).isEqualTo("RequestError");
            assertThat(unknownType.get("requestId").asString()).isEqualTo("R2");
            assertThat(unknownType.get("type").asString()).isEqualTo("urn:ietf:params:jmap:error:notRequest");

            client.send("{\"@type\":\"Request\",\"id\":\"R3\",\"using\":[\"urn:example:nope\"],\"methodCalls\":[]}");
            JsonNode unknownCapability = client.next();
            assertThat(unknownCapability.get("requestId").asString()).isEqualTo("R3");
            assertThat(unknownCapability.get("type").asString())
                    .isEqualTo("urn:ietf:params:jmap:error:unknownCapability");

            client.send(request("R4", "[[\"Mailbox/get\",{\"accountId\":\"" + jmap.bob.value() + "\"},\"c\"]]"));
            JsonNode otherAccount = client.next();
            assertThat(otherAccount.get("@type").asString()).isEqualTo("Response");
            assertThat(otherAccount
                            .get("methodResponses")
                            .get(0)
                            .get(1)
                            .get("type")
                            .asString())
                    .isEqualTo("accountNotFound");

            client.send(request("R5", "[[\"Core/echo\",{\"hello\":true},\"e\"]]"));
            JsonNode echo = client.next();
            assertThat(echo.get("requestId").asString()).isEqualTo("R5");
            assertThat(echo.get("methodResponses").get(0).get(1).get("hello").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void pushSendsStateChangesWhileEnabled() throws Exception {
        try (Client client = new Client()) {
            client.send("{\"@type\":\"WebSocketPushEnable\",\"dataTypes\":[\"Email\"]}");
            // A request after the enable is answered after it took effect.
            client.send(request("sync", "[[\"Core/echo\",{},\"e\"]]"));
            assertThat(client.next().get("requestId").asString()).isEqualTo("sync");

            jmap.deliver("INBOX", "Subject: pushed\n\nbody\n");

            JsonNode change = client.next();
            assertThat(change.get("@type").asString()).isEqualTo("StateChange");
            JsonNode states = change.get("changed").get(jmap.accountId());
            String state = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                    .get("state")
                    .asString();
            assertThat(states.get("Email").asString()).isEqualTo(state);
            assertThat(states.has("Mailbox")).isFalse();
            assertThat(change.get("pushState").asString()).isEqualTo(state);

            client.send("{\"@type\":\"WebSocketPushDisable\"}");
            client.send(request("off", "[[\"Core/echo\",{},\"e\"]]"));
            assertThat(client.next().get("requestId").asString()).isEqualTo("off");
            jmap.deliver("INBOX", "Subject: not pushed\n\nbody\n");
            client.send(request("after", "[[\"Core/echo\",{},\"e\"]]"));
            assertThat(client.next().get("requestId").asString()).isEqualTo("after");
        }
    }

    @Test
    void anOldPushStateGetsTheCurrentStateAtOnce() throws Exception {
        String before = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();
        jmap.deliver("INBOX", "Subject: missed\n\nbody\n");
        String now = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();

        try (Client client = new Client()) {
            client.send("{\"@type\":\"WebSocketPushEnable\",\"dataTypes\":null,\"pushState\":\"" + before + "\"}");

            JsonNode change = client.next();
            assertThat(change.get("@type").asString()).isEqualTo("StateChange");
            assertThat(change.get("changed").get(jmap.accountId()).get("Email").asString())
                    .isEqualTo(now);
            assertThat(change.get("pushState").asString()).isEqualTo(now);
        }
    }

    @Test
    void theUpgradeNeedsCredentialsAndTheJmapSubprotocol() {
        assertThatThrownBy(() -> jmap.http
                        .newWebSocketBuilder()
                        .subprotocols("jmap")
                        .buildAsync(wsUri(), new WebSocket.Listener() {})
                        .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));

        assertThatThrownBy(() -> jmap.http
                        .newWebSocketBuilder()
                        .header("Authorization", JmapFixture.basic(JmapFixture.USER, "wrong"))
                        .subprotocols("jmap")
                        .buildAsync(wsUri(), new WebSocket.Listener() {})
                        .join())
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));

        assertThatThrownBy(() -> jmap.http
                        .newWebSocketBuilder()
                        .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                        .subprotocols("chat")
                        .buildAsync(wsUri(), new WebSocket.Listener() {})
                        .join())
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(400));

        HttpResponse<String> plainGet = jmap.send(
                jmap.request("/jmap/ws").timeout(Duration.ofSeconds(30)).GET().build());
        assertThat(plainGet.statusCode()).isEqualTo(426);
    }

    @Test
    void binaryFramesAreRefused() throws Exception {
        try (Client client = new Client()) {
            client.socket
                    .sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true)
                    .join();

            JsonNode error = client.next();
            assertThat(error.get("@type").asString()).isEqualTo("RequestError");
            assertThat(error.get("type").asString()).isEqualTo("urn:ietf:params:jmap:error:notRequest");
        }
    }
}
