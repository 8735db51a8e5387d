/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The top-level header fields of a message as they stand, for the {@code headers} and {@code header:} properties. */
final class HeaderBlock {
    /** One field: its name as written and its raw value (everything after the colon, folding kept). */
    record Field(String name, String rawValue) {}

    private HeaderBlock() {}

    static List<Field> read(MailStore store, AccountId account, EmailId email, long headerSize) {
        byte[] bytes;
        try (InputStream in = store.contents().open(account, email, 0, headerSize)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Raw octets kept one-to-one in chars; values are re-decoded as UTF-8 where asked.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Field> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append("\r\n").append(line);
                continue;
            }
            if (current != null) {
                add(fields, current.toString());
                current = null;
            }
            if (line.isEmpty()) {
                break;
            }
            current = new StringBuilder(line);
        }
        if (current != null) {
            add(fields, current.toString());
        }
        return fields;
    }

    private static void add(List<Field> fields, String field) {
        int colon = field.indexOf(':');
        if (colon > 0) {
            String value = new String(
                    field.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            fields.add(new Field(field.substring(0, colon).trim(), value));
        }
    }

    static List<Field> named(List<Field> fields, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return fields.stream()
                .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
    }
}
