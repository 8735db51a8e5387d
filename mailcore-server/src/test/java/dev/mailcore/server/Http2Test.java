/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.SelfSignedCertificate;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JMAP over HTTP/2: h2c on the HTTP listener, h2 chosen by ALPN on the HTTPS listener, with Jetty's client. */
class Http2Test {
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString("dave:pw".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private static HttpClient http2Client(SSLContext trusting) throws Exception {
        ClientConnector connector = new ClientConnector();
        if (trusting != null) {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setSslContext(trusting);
            connector.setSslContextFactory(ssl);
        }
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)));
        client.start();
        return client;
    }

    private static ContentResponse session(HttpClient client, String base) throws Exception {
        return client.newRequest(base + "/.well-known/jmap")
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, AUTHORIZATION))
                .timeout(30, TimeUnit.SECONDS)
                .send();
    }

    @Test
    void plainHttpSpeaksH2cAndTlsNegotiatesH2() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        Path keyStore = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            certificate.keyStore().store(out, "mailcore".toCharArray());
        }
        try (MailServer server = MailServer.builder()
                .user("dave", "pw")
                .tlsPkcs12(keyStore, "mailcore")
                .http("127.0.0.1", 0)
                .https("127.0.0.1", 0)
                .build()
                .start()) {
            String plain =
                    "http://127.0.0.1:" + server.boundAddress(Protocol.HTTP).getPort();
            String secure =
                    "https://127.0.0.1:" + server.boundAddress(Protocol.HTTPS).getPort();
            JsonMapper json = JsonMapper.builder().build();

            HttpClient h2c = http2Client(null);
            try {
                ContentResponse response = session(h2c, plain);
                assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(response.getStatus()).isEqualTo(200);
                JsonNode session = json.readTree(response.getContentAsString());
                assertThat(session.path("username").asString()).isEqualTo("dave@localhost");

                // An API request with a body, over the same HTTP/2 connection.
                ContentResponse echo = h2c.newRequest(session.path("apiUrl").asString())
                        .method(HttpMethod.POST)
                        .headers(h -> h.put(HttpHeader.AUTHORIZATION, AUTHORIZATION))
                        .body(new StringRequestContent(
                                "application/json",
                                "{\"using\":[\"urn:ietf:params:jmap:core\"],"
                                        + "\"methodCalls\":[[\"Core/echo\",{\"over\":\"h2c\"},\"e\"]]}"))
                        .timeout(30, TimeUnit.SECONDS)
                        .send();
                assertThat(echo.getVersion()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(json.readTree(echo.getContentAsString())
                                .path("methodResponses")
                                .path(0)
                                .path(1)
                                .path("over")
                                .asString())
                        .isEqualTo("h2c");
            } finally {
                h2c.stop();
            }

            HttpClient h2 = http2Client(certificate.clientContext());
            try {
                ContentResponse response = session(h2, secure);
                assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(json.readTree(response.getContentAsString())
                                .path("apiUrl")
                                .asString())
                        .startsWith("https://");
            } finally {
                h2.stop();
            }

            // HTTP/1.1 clients keep working on both listeners.
            assertThat(JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "dave", "pw")
                            .session()
                            .path("username")
                            .asString())
                    .isEqualTo("dave@localhost");
            assertThat(JmapClient.https(
                                    server.boundAddress(Protocol.HTTPS).getPort(),
                                    certificate.clientContext(),
                                    "dave",
                                    "pw")
                            .session()
                            .path("username")
                            .asString())
                    .isEqualTo("dave@localhost");
        }
    }
}
