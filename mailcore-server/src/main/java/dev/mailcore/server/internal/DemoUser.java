/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The user a server without configured users gets, so a first start is usable at once. On a store that persists,
 * its password is kept in {@code demo-password} in the data directory and re-used on later starts.
 */
public record DemoUser(String address, String password) {
    static final String FILE = "demo-password";

    /** Adds the demo user to {@code settings} when they name no user; empty otherwise. */
    public static java.util.Optional<DemoUser> provision(LaunchSettings settings) {
        if (!settings.users.isEmpty()) {
            return java.util.Optional.empty();
        }
        String password = settings.persistent() ? storedPassword(settings.dataDir) : generate();
        DemoUser user = new DemoUser("demo@" + settings.domain, password);
        settings.users.put(user.address(), password);
        return java.util.Optional.of(user);
    }

    private static String storedPassword(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            Files.createDirectories(dataDir);
            String password = generate();
            write(file, password);
            return password;
        } catch (IOException e) {
            throw new ConfigError("cannot keep the demo password in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String password) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file gets the platform's default permissions.
        } catch (FileAlreadyExistsException e) {
            // An empty file from an interrupted start: overwritten below.
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static String generate() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
