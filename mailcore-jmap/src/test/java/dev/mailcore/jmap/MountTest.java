/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The handler on a host application's own Jetty server, below a context path, next to the host's handlers. */
class MountTest {
    @Test
    void aStandaloneServerFromAStoreAndADirectory() {
        JmapFixture jmap = new JmapFixture();
        try (JmapServer server = JmapServer.builder()
                .store(jmap.store)
                .directory(jmap.directory)
                .accountObjects(jmap.objects)
                .port(0)
                .build()) {
            server.start();
            HttpResponse<String> anonymous =
                    jmap.send(HttpRequest.newBuilder(server.sessionUri()).GET().build());
            HttpResponse<String> session = jmap.send(HttpRequest.newBuilder(server.sessionUri())
                    .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                    .GET()
                    .build());

            assertThat(server.port()).isPositive();
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(jmap.parse(session.body()).get("apiUrl").asString())
                    .isEqualTo(server.apiUri().toString());
        } finally {
            jmap.close();
        }
    }

    @Test
    void plainHttpIsRefusedWhenPlaintextIsNotAllowed() {
        JmapFixture jmap = new JmapFixture();
        try (JmapServer server = JmapServer.builder()
                .handler(JmapHandler.builder()
                        .store(jmap.store)
                        .directory(jmap.directory)
                        .accountObjects(jmap.objects)
                        .allowPlaintextAuth(false)
                        .build())
                .port(0)
                .build()) {
            server.start();
            HttpResponse<String> session = jmap.send(HttpRequest.newBuilder(server.sessionUri())
                    .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                    .GET()
                    .build());

            assertThat(session.statusCode()).isEqualTo(403);
            assertThat(session.body()).contains("HTTPS").doesNotContain(JmapFixture.USER);
        } finally {
            jmap.close();
        }
    }

    @Test
    void buildersSayWhatIsMissing() {
        assertThatThrownBy(() -> JmapServer.builder().port(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store");
        assertThatThrownBy(() -> JmapHandler.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store");
        assertThatThrownBy(() -> JmapHandler.builder().basePath("jmap/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHandlerServesItsPathsAndLeavesTheRestToTheHost() throws Exception {
        JmapFixture jmap = new JmapFixture();
        Server host = new Server();
        ServerConnector connector = new ServerConnector(host);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        host.addConnector(connector);
        JmapHandler handler = JmapHandler.builder()
                .store(jmap.store)
                .directory(jmap.directory)
                .accountObjects(jmap.objects)
                .basePath("/api/jmap")
                .build();
        Handler.Abstract hostPage = new Handler.Abstract() {
            @Override
            public boolean handle(
                    org.eclipse.jetty.server.Request request,
                    Response response,
                    org.eclipse.jetty.util.Callback callback) {
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap("host".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        host.setHandler(new ContextHandler(new Handler.Sequence(handler, hostPage), "/mail"));
        host.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort() + "/mail";
            HttpResponse<String> session = jmap.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/jmap"))
                    .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                    .GET()
                    .build());
            HttpResponse<String> other = jmap.send(HttpRequest.newBuilder(URI.create(base + "/index.html"))
                    .GET()
                    .build());

            assertThat(session.statusCode()).isEqualTo(200);
            JsonNode body = jmap.parse(session.body());
            String apiUrl = body.get("apiUrl").asString();
            assertThat(apiUrl).isEqualTo(base + "/api/jmap/api");
            assertThat(other.body()).isEqualTo("host");

            HttpResponse<String> echo = jmap.send(HttpRequest.newBuilder(URI.create(apiUrl))
                    .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"using\":[\"urn:ietf:params:jmap:core\"],"
                            + "\"methodCalls\":[[\"Core/echo\",{\"x\":1},\"0\"]]}"))
                    .build());
            assertThat(echo.statusCode()).isEqualTo(200);
            assertThat(jmap.parse(echo.body())
                            .get("methodResponses")
                            .get(0)
                            .get(1)
                            .get("x")
                            .asInt())
                    .isEqualTo(1);
        } finally {
            host.stop();
            jmap.close();
        }
    }
}
