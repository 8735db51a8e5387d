/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.EmailId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The unique-id listing of a message (RFC 1939 section 7): the email's id, which IMAP shows as EMAILID (RFC 8474)
 * and JMAP as the Email id, so a client sees the same identity everywhere and it never changes. Email ids are
 * already printable ASCII; one longer than the 70 characters UIDL allows becomes {@code ~} and the base64url SHA-256
 * of the id, a form no email id can take, since {@code ~} is not among their characters.
 */
final class Uidl {
    static final int MAX_LENGTH = 70;

    private Uidl() {}

    static String of(EmailId email) {
        String id = email.value();
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
