/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.store.CachingDirectory;
import dev.mailcore.store.tck.DirectoryContract;
import dev.mailcore.store.tck.DirectorySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache keeps the directory contract whole, and asks the wrapped directory only when it must. */
class CachingDirectoryTest extends DirectoryContract {
    @Override
    protected Directory newDirectory(DirectorySpec spec) {
        MemoryDirectory.Builder builder = MemoryDirectory.builder().pbkdf2Iterations(1_000);
        spec.domains().forEach(builder::domain);
        spec.users().forEach(builder::user);
        spec.aliases().forEach(builder::alias);
        spec.catchAlls().forEach(builder::catchAll);
        return new CachingDirectory(builder.build(), Duration.ofMinutes(5));
    }

    /** Counts the password checks that reach the real directory. */
    private static class CountingDirectory implements Directory {
        final MemoryDirectory real;
        final AtomicInteger checks = new AtomicInteger();

        CountingDirectory(MemoryDirectory real) {
            this.real = real;
        }

        @Override
        public Optional<Account> authenticate(String login, char[] password) {
            checks.incrementAndGet();
            return real.authenticate(login, password);
        }

        @Override
        public Optional<Account> account(dev.mailcore.api.AccountId id) {
            return real.account(id);
        }

        @Override
        public Optional<Account> byLogin(String login) {
            return real.byLogin(login);
        }

        @Override
        public Optional<dev.mailcore.api.AccountId> resolveRecipient(String address) {
            return real.resolveRecipient(address);
        }

        @Override
        public boolean isLocalDomain(String domain) {
            return real.isLocalDomain(domain);
        }
    }

    private final CountingDirectory counting = new CountingDirectory(MemoryDirectory.builder()
            .pbkdf2Iterations(1_000)
            .domain("example.com")
            .user("alice", "secret")
            .build());
    private final CachingDirectory cache = new CachingDirectory(counting, Duration.ofMinutes(5));

    @Test
    void aRepeatedLoginIsCheckedOnce() {
        Account first = cache.authenticate("alice", "secret".toCharArray()).orElseThrow();
        assertThat(cache.authenticate("ALICE", "secret".toCharArray())).contains(first);
        assertThat(cache.authenticate("alice", "secret".toCharArray())).contains(first);
        assertThat(counting.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordAlwaysReachesTheDirectoryAndIsRefused() {
        cache.authenticate("alice", "secret".toCharArray());
        assertThat(cache.authenticate("alice", "guess".toCharArray())).isEmpty();
        assertThat(cache.authenticate("alice", "guess".toCharArray())).isEmpty();
        assertThat(counting.checks).hasValue(3);
    }

    @Test
    void aChangedPasswordCountsAfterInvalidation() {
        cache.authenticate("alice", "secret".toCharArray());
        counting.real.setPassword("alice", "new-secret");

        cache.invalidate("Alice");

        assertThat(cache.authenticate("alice", "secret".toCharArray())).isEmpty();
        assertThat(cache.authenticate("alice", "new-secret".toCharArray())).isPresent();
    }

    @Test
    void aFailedCheckForgetsTheRememberedOne() {
        cache.authenticate("alice", "secret".toCharArray());
        counting.real.setPassword("alice", "new-secret");
        // The old password still matches the remembered check until it expires or is invalidated; a login with the
        // new one reaches the directory, succeeds and replaces the entry.
        assertThat(cache.authenticate("alice", "new-secret".toCharArray())).isPresent();
        assertThat(cache.authenticate("alice", "secret".toCharArray())).isEmpty();
    }

    @Test
    void manyLoginsAtOnceWithTheSameCredentialsCostOneCheck() throws Exception {
        CountingDirectory slow = new CountingDirectory(counting.real) {
            @Override
            public Optional<Account> authenticate(String login, char[] password) {
                try {
                    // A slow hash, so that the logins below overlap.
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.authenticate(login, password);
            }
        };
        CachingDirectory coalescing = new CachingDirectory(slow, Duration.ofMinutes(5));
        List<Callable<Optional<Account>>> logins = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            logins.add(() -> coalescing.authenticate("alice", "secret".toCharArray()));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Optional<Account>> answer : threads.invokeAll(logins)) {
                assertThat(answer.get()).isPresent();
            }
        }
        // Whether a login joined the check under way or found its answer remembered, the directory checked once.
        assertThat(slow.checks).hasValue(1);
    }

    @Test
    void checksAtOnceFromManyThreadsEachGetTheirOwnAnswer() throws Exception {
        cache.authenticate("alice", "secret".toCharArray());
        List<Callable<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Right and wrong passwords, and passwords beyond ASCII, interleaved over the reused keyed hashes.
            String password = i % 2 == 0 ? "secret" : i % 4 == 1 ? "secreT" : "sécret\uD83D\uDE00";
            checks.add(
                    () -> cache.authenticate("alice", password.toCharArray()).isPresent() == password.equals("secret"));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> answer : threads.invokeAll(checks)) {
                assertThat(answer.get()).isTrue();
            }
        }
        assertThat(cache.authenticate("alice", "secret".toCharArray())).isPresent();
    }
}
