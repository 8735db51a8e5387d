/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.Account;
import dev.mailcore.api.Quota;
import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.TokenIssuer;
import dev.mailcore.store.tck.DirectorySpec;
import dev.mailcore.store.tck.TokenIssuerContract;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The directory contract and the provisioning methods of {@link SqlDirectory}, on the database a subclass names.
 */
abstract class SqlDirectoryContract extends TokenIssuerContract {
    private final List<SqlMetadataStore> stores = new ArrayList<>();

    /** A fresh, empty store on the database under test. */
    protected abstract SqlMetadataStore newStore();

    @AfterEach
    void closeStores() {
        stores.forEach(SqlMetadataStore::close);
    }

    @Override
    protected TokenIssuer newIssuer(DirectorySpec spec, Clock clock) {
        SqlDirectory directory = SqlDirectory.builder(store())
                .argon2(Argon2Parameters.FAST_FOR_TESTS)
                .clock(clock)
                .build();
        spec.domains().forEach(directory::addDomain);
        spec.users().forEach(directory::addUser);
        spec.aliases().forEach(directory::addAlias);
        spec.catchAlls().forEach(directory::setCatchAll);
        return directory;
    }

    private SqlMetadataStore store() {
        SqlMetadataStore store = newStore();
        stores.add(store);
        return store;
    }

    private SqlDirectory fresh() {
        return fast(store());
    }

    private static SqlDirectory fast(SqlMetadataStore store) {
        return SqlDirectory.builder(store)
                .argon2(Argon2Parameters.FAST_FOR_TESTS)
                .build();
    }

    @Test
    void usersAddedFromManyThreadsCanAllLogIn() throws Exception {
        SqlDirectory directory = fresh();
        directory.addDomain("example.com");
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
    void theDirectoryIsKeptInTheDatabaseAndSeenByAnotherDirectoryOnIt() {
        SqlMetadataStore store = store();
        SqlDirectory first = fast(store);
        first.addDomain("example.com");
        Account bob = first.addUser("bob", "pw");
        SqlDirectory second = SqlDirectory.builder(store).build();
        assertThat(second.authenticate("BOB", "pw".toCharArray())).contains(bob);
        assertThat(second.resolveRecipient("bob+x@example.com")).contains(bob.id());
    }

    @Test
    void passwordsAreStoredAsSaltedArgon2idHashesOnly() throws SQLException {
        SqlMetadataStore store = store();
        SqlDirectory directory = SqlDirectory.builder(store)
                .argon2(new Argon2Parameters(128, 2, 1))
                .build();
        Account a = directory.addUser("a@example.com", "same password");
        Account b = directory.addUser("b@example.com", "same password");
        String hashA = storedHash(store, a);
        String hashB = storedHash(store, b);
        assertThat(hashA).startsWith("$argon2id$v=19$m=128,t=2,p=1$").doesNotContain("same password");
        assertThat(hashB).isNotEqualTo(hashA);
    }

    @Test
    void hashesMadeWithOtherParametersStillVerify() {
        SqlMetadataStore store = store();
        Account alice = fast(store).addUser("alice@example.com", "pw");
        SqlDirectory stronger = SqlDirectory.builder(store)
                .argon2(new Argon2Parameters(256, 3, 2))
                .build();
        assertThat(stronger.authenticate("alice@example.com", "pw".toCharArray()))
                .contains(alice);
    }

    @Test
    void aNewPasswordReplacesTheOld() {
        SqlDirectory directory = fresh();
        directory.addUser("alice@example.com", "old");
        directory.setPassword("ALICE@example.com", "new");
        assertThat(directory.authenticate("alice@example.com", "old".toCharArray()))
                .isEmpty();
        assertThat(directory.authenticate("alice@example.com", "new".toCharArray()))
                .isPresent();
        assertThatThrownBy(() -> directory.setPassword("nobody@example.com", "x"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.setPassword("alice@example.com", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingThePasswordAUserHasKeepsTheStoredHash() throws SQLException {
        SqlMetadataStore store = store();
        SqlDirectory directory = fast(store);
        Account alice = directory.addUser("alice@example.com", "pw");
        String before = storedHash(store, alice);

        directory.setPassword("alice@example.com", "pw");

        assertThat(storedHash(store, alice)).isEqualTo(before);
        assertThat(directory.authenticate("alice@example.com", "pw".toCharArray()))
                .contains(alice);
        directory.setPassword("alice@example.com", "other");
        assertThat(storedHash(store, alice)).isNotEqualTo(before);
        assertThat(directory.authenticate("alice@example.com", "pw".toCharArray()))
                .isEmpty();
    }

    @Test
    void settingTheSamePasswordWithOtherParametersRehashesIt() throws SQLException {
        SqlMetadataStore store = store();
        Account alice = fast(store).addUser("alice@example.com", "pw");
        SqlDirectory stronger = SqlDirectory.builder(store)
                .argon2(new Argon2Parameters(256, 3, 2))
                .build();

        stronger.setPassword("alice@example.com", "pw");

        assertThat(storedHash(store, alice)).startsWith("$argon2id$v=19$m=256,t=3,p=2$");
        assertThat(stronger.authenticate("alice@example.com", "pw".toCharArray()))
                .contains(alice);
    }

    @Test
    void scramCredentialsFollowThePassword() throws Exception {
        SqlDirectory directory = fresh();
        Account alice = directory.addUser("alice@example.com", "old");
        assertThat(directory.supportsScram()).isTrue();
        dev.mailcore.api.spi.ScramCredentials before =
                directory.scramCredentials("ALICE@example.com").orElseThrow();
        assertThat(before.account()).isEqualTo(alice);
        assertThat(before.iterations()).isGreaterThanOrEqualTo(4096);
        assertThat(before.storedKey()).isEqualTo(storedKey("old", before));

        directory.setPassword("alice@example.com", "new");
        dev.mailcore.api.spi.ScramCredentials after =
                directory.scramCredentials("alice@example.com").orElseThrow();
        assertThat(after.storedKey()).isEqualTo(storedKey("new", after)).isNotEqualTo(before.storedKey());
        assertThat(directory.scramCredentials("nobody@example.com")).isEmpty();
    }

    /** What a SCRAM-SHA-256 client derives from the password (RFC 5802). */
    private static byte[] storedKey(String password, dev.mailcore.api.spi.ScramCredentials scram) throws Exception {
        byte[] salted = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(
                        new javax.crypto.spec.PBEKeySpec(password.toCharArray(), scram.salt(), scram.iterations(), 256))
                .getEncoded();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(salted, "HmacSHA256"));
        byte[] clientKey = mac.doFinal("Client Key".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return java.security.MessageDigest.getInstance("SHA-256").digest(clientKey);
    }

    @Test
    void addingATakenLoginOrAddressFails() {
        SqlDirectory directory = fresh();
        directory.addDomain("example.com");
        directory.addUser("bob", "pw");
        directory.addAlias("info@example.com", "bob");
        assertThatThrownBy(() -> directory.addUser("BOB", "other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.addUser("bob@example.com", "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.addUser("info@example.com", "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.addAlias("Info@example.com", "bob"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(directory.authenticate("bob", "pw".toCharArray())).isPresent();
    }

    @Test
    void badProvisioningFailsWithAClearError() {
        SqlDirectory directory = fresh();
        assertThatThrownBy(() -> directory.addUser("bob", "pw"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("domain");
        assertThatThrownBy(() -> directory.addUser("a@example.com", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.addUser("a@", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.addDomain("a@b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.addAlias("x@example.com", "nobody"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> directory.setCatchAll("example.com", "nobody@example.com"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.setQuota("nobody@example.com", Quota.UNLIMITED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(directory.isLocalDomain("example.com")).isFalse();
    }

    @Test
    void quotasApplyPerUserWithADefault() {
        Quota small = new Quota(1_000, 10);
        Quota standard = new Quota(1_000_000, -1);
        SqlDirectory directory = SqlDirectory.builder(store())
                .argon2(Argon2Parameters.FAST_FOR_TESTS)
                .defaultQuota(standard)
                .build();
        directory.addDomain("example.com");
        Account alice = directory.addUser("alice@example.com", "pw");
        directory.addUser("bob", "pw");
        assertThat(alice.quota()).isEqualTo(standard);
        directory.setQuota("alice", small);
        assertThat(directory.byLogin("alice").orElseThrow().quota()).isEqualTo(small);
        assertThat(directory.account(alice.id()).orElseThrow().quota()).isEqualTo(small);
        assertThat(directory.byLogin("bob").orElseThrow().quota()).isEqualTo(standard);
        assertThat(fresh().addUser("c@example.com", "pw").quota()).isEqualTo(Quota.UNLIMITED);
    }

    @Test
    void aCatchAllCanBeReplaced() {
        SqlDirectory directory = fresh();
        Account alice = directory.addUser("alice@example.com", "pw");
        Account bob = directory.addUser("bob@example.com", "pw");
        directory.setCatchAll("example.net", "alice@example.com");
        assertThat(directory.isLocalDomain("example.net")).isTrue();
        assertThat(directory.resolveRecipient("x@example.net")).contains(alice.id());
        directory.setCatchAll("EXAMPLE.net", "bob@example.com");
        assertThat(directory.resolveRecipient("x@example.net")).contains(bob.id());
    }

    @Test
    void aRemovedUserIsGoneWithItsAddressesAndANewOneGetsANewId() {
        SqlDirectory directory = fresh();
        directory.addDomain("example.com");
        Account alice = directory.addUser("alice", "pw");
        directory.addAlias("sales@example.com", "alice");
        directory.setCatchAll("example.com", "alice");
        assertThat(directory.removeUser("ALICE@example.com")).isTrue();
        assertThat(directory.removeUser("alice")).isFalse();
        assertThat(directory.authenticate("alice", "pw".toCharArray())).isEmpty();
        assertThat(directory.account(alice.id())).isEmpty();
        assertThat(directory.resolveRecipient("sales@example.com")).isEmpty();
        assertThat(directory.resolveRecipient("anyone@example.com")).isEmpty();
        assertThat(directory.isLocalDomain("example.com")).isTrue();

        Account again = directory.addUser("alice", "pw2");
        assertThat(again.id()).isNotEqualTo(alice.id());
        assertThat(again.addresses()).containsExactly("alice@example.com");
    }

    @Test
    void tokensAreStoredAsDigestsOnlyAndOutliveTheDirectoryObject() throws SQLException {
        SqlMetadataStore store = store();
        SqlDirectory directory = fast(store);
        directory.addUser("alice@example.com", "pw");
        String token = directory.createToken("alice@example.com");
        List<String> stored = new ArrayList<>();
        try (Connection c = store.writePool().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_hash, token_id FROM mc_dir_token")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
                stored.add(rs.getString(2));
            }
            c.rollback();
        }
        assertThat(stored).hasSize(2).noneMatch(column -> column.contains(token));
        assertThat(stored.get(0)).isEqualTo(sha256Hex(token));
        assertThat(fast(store).verifyToken(token)).isPresent();
    }

    @Test
    void aRemovedUsersTokensAreGone() {
        SqlDirectory directory = fresh();
        directory.addUser("alice@example.com", "pw");
        String token = directory.createToken("alice@example.com");
        directory.removeUser("alice@example.com");
        directory.addUser("alice@example.com", "pw");
        assertThat(directory.verifyToken(token)).isEmpty();
        assertThat(directory.tokens("alice@example.com")).isEmpty();
    }

    @Test
    void tokensAreDatedByTheClock() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        SqlDirectory directory = SqlDirectory.builder(store())
                .argon2(Argon2Parameters.FAST_FOR_TESTS)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
        directory.addUser("alice@example.com", "pw");
        directory.createToken("alice@example.com");
        assertThat(directory.tokens("alice@example.com"))
                .singleElement()
                .extracting(TokenInfo::created)
                .isEqualTo(now);
    }

    @Test
    void aUserAtANewDomainMakesItLocalButNotTheDefault() {
        SqlDirectory directory = fresh();
        Account dave = directory.addUser("Dave@Example.NET", "pw");
        assertThat(dave.login()).isEqualTo("dave@example.net");
        assertThat(directory.isLocalDomain("example.net")).isTrue();
        assertThat(directory.byLogin("dave")).isEmpty();
        directory.addDomain("example.org");
        directory.addDomain("example.net");
        assertThat(directory.addUser("erin", "pw").primaryAddress()).isEqualTo("erin@example.org");
    }

    @Test
    void aLongAddressStillGetsAValidId() {
        String address = "x".repeat(200) + "@" + "y".repeat(50) + ".example";
        Account account = fresh().addUser(address, "pw");
        assertThat(account.id().value()).matches("[A-Za-z0-9_-]{1,255}");
        assertThat(account.primaryAddress()).isEqualTo(address);
    }

    @Test
    void callsAfterTheStoreIsClosedFail() {
        SqlMetadataStore store = newStore();
        SqlDirectory directory = fast(store);
        store.close();
        assertThatThrownBy(() -> directory.byLogin("a")).isInstanceOf(IllegalStateException.class);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String storedHash(SqlMetadataStore store, Account account) throws SQLException {
        try (Connection c = store.writePool().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT password_hash FROM mc_dir_credential WHERE account_id = '"
                        + account.id().value() + "'")) {
            assertThat(rs.next()).isTrue();
            String hash = rs.getString(1);
            c.rollback();
            return hash;
        }
    }
}
