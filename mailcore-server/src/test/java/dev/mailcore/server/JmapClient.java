/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JMAP user's client over java.net.http: the session resource, then API requests with HTTP Basic. */
final class JmapClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String origin;
    private final String authorization;

    private JmapClient(HttpClient http, String origin, String authorization) {
        this.http = http;
        this.origin = origin;
        this.authorization = authorization;
    }

    static JmapClient http(int port, String login, String password) {
        return new JmapClient(client(null), "http://127.0.0.1:" + port, basic(login, password));
    }

    static JmapClient https(int port, SSLContext trusting, String login, String password) {
        return new JmapClient(client(trusting), "https://127.0.0.1:" + port, basic(login, password));
    }

    /** A client that sends {@code Authorization: Bearer token} (RFC 6750). */
    static JmapClient bearer(int port, String token) {
        return new JmapClient(client(null), "http://127.0.0.1:" + port, "Bearer " + token);
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The HTTP status of a GET of the session resource. */
    int sessionStatus() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/.well-known/jmap"))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpClient client(SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            b.sslContext(tls);
        }
        return b.build();
    }

    /** The session resource at {@code /.well-known/jmap}; fails unless the answer is 200. */
    JsonNode session() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/.well-known/jmap"))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return ok(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** The mail account's id, as the session resource names it. */
    String mailAccountId() throws Exception {
        return session()
                .path("primaryAccounts")
                .path("urn:ietf:params:jmap:mail")
                .asString();
    }

    /** Email/query over the whole account, then Email/get of the ids found: each email's id and subject. */
    List<Email> emails() throws Exception {
        String accountId = mailAccountId();
        String body = """
                {"using": ["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail"],
                 "methodCalls": [
                   ["Email/query", {"accountId": "%1$s"}, "q"],
                   ["Email/get", {"accountId": "%1$s", "properties": ["subject"],
                     "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"}}, "g"]]}
                """.formatted(accountId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/jmap/api"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode responses =
                ok(http.send(request, HttpResponse.BodyHandlers.ofString())).path("methodResponses");
        assertThat(responses.get(0).get(0).asString()).isEqualTo("Email/query");
        assertThat(responses.get(1).get(0).asString()).isEqualTo("Email/get");
        List<Email> emails = new ArrayList<>();
        for (JsonNode email : responses.get(1).get(1).path("list")) {
            emails.add(
                    new Email(email.path("id").asString(), email.path("subject").asString()));
        }
        return emails;
    }

    record Email(String id, String subject) {}

    /**
     * One API request with these method calls (a JSON array, {@code %1$s} standing for the mail account's id) and the
     * core, mail, submission and vacation capabilities; answers the methodResponses.
     */
    JsonNode call(String methodCalls) throws Exception {
        String body = "{\"using\": [\"urn:ietf:params:jmap:core\", \"urn:ietf:params:jmap:mail\","
                + " \"urn:ietf:params:jmap:submission\", \"urn:ietf:params:jmap:vacationresponse\"],"
                + " \"methodCalls\": " + methodCalls.formatted(mailAccountId()) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/jmap/api"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return ok(http.send(request, HttpResponse.BodyHandlers.ofString())).path("methodResponses");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
