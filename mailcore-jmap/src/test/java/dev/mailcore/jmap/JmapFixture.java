/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.Quota;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryAccountObjectStore;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running JMAP server over the in-memory store, with users alice and bob, and a real HTTP client. */
final class JmapFixture implements AutoCloseable {
    static final String USER = "alice@example.com";
    static final String PASSWORD = "secret";
    static final String OTHER = "bob@example.com";
    static final String USING = "[\"urn:ietf:params:jmap:core\",\"urn:ietf:params:jmap:mail\"]";

    final JsonMapper json = JsonMapper.builder().build();
    final MemoryMetadataStore metadata = new MemoryMetadataStore();
    final MemoryBlobStore blobs = new MemoryBlobStore();
    final ScanSearchIndex index = new ScanSearchIndex();
    final InJvmEventBus events = new InJvmEventBus();
    final MemoryAccountObjectStore objects = new MemoryAccountObjectStore();
    final MemoryDirectory directory = MemoryDirectory.builder()
            .domain("example.com")
            .user(USER, PASSWORD)
            .user(OTHER, PASSWORD)
            .quota(USER, new Quota(10L << 20, 1000))
            .pbkdf2Iterations(1_000)
            .build();
    final MailEngine store;
    final AccountId alice;
    final AccountId bob;
    final JmapHandler handler;
    final JmapServer server;
    final HttpClient http = HttpClient.newHttpClient();

    JmapFixture() {
        this(b -> b);
    }

    JmapFixture(UnaryOperator<JmapHandler.Builder> settings) {
        store = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .eventBus(events)
                .directory(directory)
                .accountObjects(objects)
                .build();
        alice = directory
                .authenticate(USER, PASSWORD.toCharArray())
                .orElseThrow()
                .id();
        bob = directory
                .authenticate(OTHER, PASSWORD.toCharArray())
                .orElseThrow()
                .id();
        // The first look at an account creates its default mailboxes; tests take states after that.
        store.mailboxes().list(alice);
        handler = settings.apply(JmapHandler.builder()
                        .store(store)
                        .directory(directory)
                        .accountObjects(objects)
                        .authBackoff(java.time.Duration.ofMillis(10)))
                .build();
        server = JmapServer.builder().handler(handler).port(0).build();
        server.start();
    }

    String accountId() {
        return alice.value();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The strings of a JSON array, in order. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(USER, PASSWORD));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a raw API request body. */
    HttpResponse<String> post(String body) {
        return send(request("/jmap/api")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts method calls (a JSON array text, with {@code $A} standing for alice's account id) and parses the answer. */
    JsonNode api(String methodCalls) {
        return apiUsing(USING, methodCalls);
    }

    /** Like {@link #api} with another {@code using} list. */
    JsonNode apiUsing(String using, String methodCalls) {
        String body = "{\"using\":" + using + ",\"methodCalls\":" + methodCalls.replace("$A", accountId()) + "}";
        HttpResponse<String> response = post(body);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** The arguments of the one response to a single call. */
    JsonNode call(String name, String arguments) {
        JsonNode responses =
                api("[[\"" + name + "\"," + arguments + ",\"c0\"]]").get("methodResponses");
        return responses.get(0).get(1);
    }

    /** Uploads content for alice and answers its blob id. */
    String upload(String content, String type) {
        HttpResponse<String> response = send(request("/jmap/upload/" + accountId() + "/")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(content))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).get("blobId").asString();
    }

    /** The arguments of the one response to a single call of a method of {@code capability}. */
    JsonNode callUsing(String capability, String name, String arguments) {
        String using = "[\"urn:ietf:params:jmap:core\",\"urn:ietf:params:jmap:mail\",\"" + capability + "\"]";
        return apiUsing(using, "[[\"" + name + "\"," + arguments + ",\"c0\"]]")
                .get("methodResponses")
                .get(0)
                .get(1);
    }

    JsonNode parse(String text) {
        return json.readTree(text);
    }

    Mailbox mailbox(String path) {
        return store.mailboxes().byPath(alice, path).orElseThrow();
    }

    AppendResult deliver(String path, String message) {
        return store.messages()
                .append(
                        alice,
                        mailbox(path).id(),
                        AppendRequest.of(new ByteArrayInputStream(
                                message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void close() {
        server.close();
        store.close();
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }
}
