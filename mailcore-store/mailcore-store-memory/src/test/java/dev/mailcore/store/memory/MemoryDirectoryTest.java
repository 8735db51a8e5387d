/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.Account;
import dev.mailcore.api.Quota;
import dev.mailcore.store.TokenIssuer;
import dev.mailcore.store.tck.DirectorySpec;
import dev.mailcore.store.tck.TokenIssuerContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MemoryDirectoryTest extends TokenIssuerContract {
    /** Few iterations keep the suite fast; the hashing is the same. */
    private static final int FAST = 1_000;

    @Override
    protected TokenIssuer newIssuer(DirectorySpec spec, Clock clock) {
        MemoryDirectory.Builder builder =
                MemoryDirectory.builder().pbkdf2Iterations(FAST).clock(clock);
        spec.domains().forEach(builder::domain);
        spec.users().forEach(builder::user);
        spec.aliases().forEach(builder::alias);
        spec.catchAlls().forEach(builder::catchAll);
        return builder.build();
    }

    private static MemoryDirectory.Builder fastBuilder() {
        return MemoryDirectory.builder().pbkdf2Iterations(FAST);
    }

    @Test
    void usersAddedAtRunTimeCanLogIn() throws Exception {
        MemoryDirectory directory = fastBuilder().domain("example.com").build();
        List<Future<Account>> added = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                String login = "user" + i;
                added.add(executor.submit(() -> directory.addUser(login, "pw" + login)));
            }
        }
        for (int i = 0; i < 20; i++) {
            Account account = added.get(i).get();
            assertThat(account.primaryAddress()).isEqualTo("user" + i + "@example.com");
            assertThat(directory.authenticate("user" + i, ("pwuser" + i).toCharArray()))
                    .contains(account);
        }
    }

    @Test
    void aUserAtANewDomainMakesItLocal() {
        MemoryDirectory directory = fastBuilder().build();
        Account dave = directory.addUser("Dave@Example.NET", "pw");
        assertThat(dave.login()).isEqualTo("dave@example.net");
        assertThat(directory.isLocalDomain("example.net")).isTrue();
        assertThat(directory.resolveRecipient("dave@example.net")).contains(dave.id());
    }

    @Test
    void addingAnExistingUserFails() {
        MemoryDirectory directory = fastBuilder()
                .domain("example.com")
                .user("bob", "pw")
                .alias("info@example.com", "bob")
                .build();
        assertThatThrownBy(() -> directory.addUser("BOB", "other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.addUser("bob@example.com", "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.addUser("info@example.com", "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(directory.authenticate("bob", "pw".toCharArray())).isPresent();
    }

    @Test
    void theBuilderFailsFastOnBadSetups() {
        assertThatThrownBy(() -> fastBuilder().user("bob", "pw").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("domain");
        assertThatThrownBy(() -> fastBuilder()
                        .domain("example.com")
                        .alias("a@example.com", "nobody")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> fastBuilder()
                        .catchAll("example.com", "nobody@example.com")
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fastBuilder()
                        .quota("nobody@example.com", Quota.UNLIMITED)
                        .build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fastBuilder().pbkdf2Iterations(5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MemoryDirectory.builder().pbkdf2Iterations(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fastBuilder().user("a@example.com", "x").user("a@example.com", "y"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fastBuilder().user("a@example.com", "").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotasApplyPerUserWithADefault() {
        Quota small = new Quota(1_000, 10);
        Quota standard = new Quota(1_000_000, -1);
        MemoryDirectory directory = fastBuilder()
                .domain("example.com")
                .user("alice@example.com", "pw")
                .user("bob", "pw")
                .quota("alice", small)
                .defaultQuota(standard)
                .build();
        assertThat(directory.byLogin("alice").orElseThrow().quota()).isEqualTo(small);
        assertThat(directory.byLogin("bob").orElseThrow().quota()).isEqualTo(standard);
        assertThat(MemoryDirectory.builder()
                        .build()
                        .addUser("c@example.com", "pw")
                        .quota())
                .isEqualTo(Quota.UNLIMITED);
    }

    @Test
    void accountIdsAreDerivedFromTheAddressTheSameWayEveryTime() {
        Account first = fastBuilder().build().addUser("alice@example.com", "pw");
        Account second = fastBuilder().build().addUser("ALICE@example.com", "other");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.id().value()).matches("[A-Za-z0-9_-]{1,255}").doesNotContain("alice");
        Account other = fastBuilder().build().addUser("alicf@example.com", "pw");
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void aLongAddressStillGetsAValidId() {
        String address = "x".repeat(200) + "@" + "y".repeat(50) + ".example";
        Account account = fastBuilder().build().addUser(address, "pw");
        assertThat(account.id().value()).matches("[A-Za-z0-9_-]{1,255}");
    }

    @Test
    void theLocalPartAloneLogsInAtTheFirstDomain() {
        MemoryDirectory directory = fastBuilder()
                .domain("example.com")
                .user("alice@example.com", "pw")
                .user("zed@example.org", "pw")
                .build();
        assertThat(directory.authenticate("alice", "pw".toCharArray())).isPresent();
        assertThat(directory.byLogin("zed")).isEmpty();
    }
}
