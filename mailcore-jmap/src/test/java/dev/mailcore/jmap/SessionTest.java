/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.Directory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The session resource as each user sees it, and its state as API responses carry it. */
class SessionTest {
    private static final String ECHO =
            "{\"using\":[\"urn:ietf:params:jmap:core\"]," + "\"methodCalls\":[[\"Core/echo\",{},\"e\"]]}";

    private final JmapFixture jmap = new JmapFixture();

    @AfterEach
    void close() {
        jmap.close();
    }

    @Test
    void theSessionIsTheSameUntilSomethingInItChangesAndApiResponsesCarryItsState() {
        HttpResponse<String> first =
                jmap.send(jmap.request("/.well-known/jmap").GET().build());
        HttpResponse<String> second =
                jmap.send(jmap.request("/jmap/session").GET().build());

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValueAsLong("Content-Length"))
                .hasValue(first.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(first.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String state = jmap.parse(first.body()).get("state").asString();
        assertThat(jmap.post(ECHO).body()).contains("\"sessionState\":\"" + state + "\"");
    }

    @Test
    void eachUserGetsTheirOwnSessionOnTheSameConnection() {
        JsonNode alice = session(JmapFixture.USER);
        JsonNode bob = session(JmapFixture.OTHER);
        JsonNode aliceAgain = session(JmapFixture.USER);

        assertThat(alice.get("username").asString()).isEqualTo(JmapFixture.USER);
        assertThat(bob.get("username").asString()).isEqualTo(JmapFixture.OTHER);
        assertThat(bob.get("accounts").size()).isEqualTo(1);
        assertThat(bob.get("accounts").has(jmap.bob.value())).isTrue();
        assertThat(bob.get("primaryAccounts").get("urn:ietf:params:jmap:mail").asString())
                .isEqualTo(jmap.bob.value());
        assertThat(bob.get("accounts").get(jmap.bob.value()).get("name").asString())
                .isEqualTo(JmapFixture.OTHER);
        assertThat(bob.get("state").asString()).isNotEqualTo(alice.get("state").asString());
        assertThat(aliceAgain).isEqualTo(alice);
    }

    @Test
    void aChangedAccountChangesTheSessionAndItsState() {
        RenamingDirectory directory = new RenamingDirectory(jmap.directory);
        JmapHandler handler = JmapHandler.builder()
                .store(jmap.store)
                .directory(directory)
                .accountObjects(jmap.objects)
                .build();
        try (JmapServer server = JmapServer.builder().handler(handler).port(0).build()) {
            server.start();
            JsonNode before = session(server.sessionUri());
            String apiStateBefore = apiState(server.apiUri());
            directory.rename(jmap.alice, "alice.smith@example.com");
            JsonNode after = session(server.sessionUri());

            assertThat(before.get("accounts").get(jmap.accountId()).get("name").asString())
                    .isEqualTo(JmapFixture.USER);
            assertThat(after.get("accounts").get(jmap.accountId()).get("name").asString())
                    .isEqualTo("alice.smith@example.com");
            assertThat(after.get("state").asString())
                    .isNotEqualTo(before.get("state").asString());
            assertThat(apiStateBefore).isEqualTo(before.get("state").asString());
            assertThat(apiState(server.apiUri())).isEqualTo(after.get("state").asString());
        }
    }

    @Test
    void anotherHostNameGetsItsOwnUrlsAndState() {
        String viaAddress = "127.0.0.1:" + jmap.server.port();
        String viaName = "localhost:" + jmap.server.port();

        JsonNode byAddress = jmap.parse(raw("GET /.well-known/jmap", viaAddress, ""));
        JsonNode byName = jmap.parse(raw("GET /.well-known/jmap", viaName, ""));
        JsonNode apiByName = jmap.parse(raw("POST /jmap/api", viaName, ECHO));

        assertThat(byAddress.get("apiUrl").asString()).isEqualTo("http://" + viaAddress + "/jmap/api");
        assertThat(byName.get("apiUrl").asString()).isEqualTo("http://" + viaName + "/jmap/api");
        assertThat(byName.get("state").asString())
                .isNotEqualTo(byAddress.get("state").asString());
        assertThat(apiByName.get("sessionState").asString())
                .isEqualTo(byName.get("state").asString());
    }

    private JsonNode session(String user) {
        HttpResponse<String> response = jmap.send(HttpRequest.newBuilder(jmap.uri("/.well-known/jmap"))
                .header("Authorization", JmapFixture.basic(user, JmapFixture.PASSWORD))
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        return jmap.parse(response.body());
    }

    private JsonNode session(URI uri) {
        HttpResponse<String> response = jmap.send(HttpRequest.newBuilder(uri)
                .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        return jmap.parse(response.body());
    }

    private String apiState(URI uri) {
        HttpResponse<String> response = jmap.send(HttpRequest.newBuilder(uri)
                .header("Authorization", JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(ECHO))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        return jmap.parse(response.body()).get("sessionState").asString();
    }

    /** One request with a {@code Host} header of our choosing, which the JDK client does not let us set; the body. */
    private String raw(String requestLine, String host, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                + JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD) + "\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", jmap.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A host's directory where an account's primary address can change while the server runs. */
    private static final class RenamingDirectory implements Directory {
        private final Directory real;
        private final Map<AccountId, String> renamed = new ConcurrentHashMap<>();

        RenamingDirectory(Directory real) {
            this.real = real;
        }

        void rename(AccountId account, String primaryAddress) {
            renamed.put(account, primaryAddress);
        }

        private Optional<Account> current(Optional<Account> account) {
            return account.map(a -> {
                String name = renamed.get(a.id());
                return name == null ? a : new Account(a.id(), a.login(), name, a.addresses(), a.quota());
            });
        }

        @Override
        public Optional<Account> account(AccountId id) {
            return current(real.account(id));
        }

        @Override
        public Optional<Account> byLogin(String login) {
            return current(real.byLogin(login));
        }

        @Override
        public Optional<Account> authenticate(String login, char[] password) {
            return current(real.authenticate(login, password));
        }

        @Override
        public Optional<AccountId> resolveRecipient(String address) {
            return real.resolveRecipient(address);
        }

        @Override
        public boolean isLocalDomain(String domain) {
            return real.isLocalDomain(domain);
        }
    }
}
