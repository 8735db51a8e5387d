/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.AddressField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The field layout of the index: one Lucene document per (account, email).
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>kind</th><th>holds</th></tr>
 *   <tr><td>{@value #KEY}</td><td>keyword</td><td>{@code account/email}, the unique key for update and delete</td></tr>
 *   <tr><td>{@value #ACCOUNT}</td><td>keyword</td><td>the account id; every search is filtered on it</td></tr>
 *   <tr><td>{@value #EMAIL}</td><td>binary doc values</td><td>the email id, read back for hits</td></tr>
 *   <tr><td>{@value #HEADER_NAME}</td><td>keyword, multi-valued</td><td>{@link #headerKey} of every header</td></tr>
 *   <tr><td>{@value #HEADER}</td><td>n-grams</td><td>each header value, grams prefixed by its header key</td></tr>
 *   <tr><td>{@value #TEXT}</td><td>n-grams</td><td>each header value, the subject and the four address texts</td></tr>
 *   <tr><td>{@value #SUBJECT}, {@value #FROM}, {@value #TO}, {@value #CC}, {@value #BCC}</td><td>n-grams</td>
 *       <td>the field's text</td></tr>
 *   <tr><td>{@value #ATTACHMENT}</td><td>n-grams</td><td>each attachment file name</td></tr>
 *   <tr><td>{@value #BODY_GRAMS}</td><td>n-grams</td><td>the body, only with exact body substrings</td></tr>
 *   <tr><td>{@value #BODY_WORDS}</td><td>words</td><td>the body, only with word matching</td></tr>
 * </table>
 *
 * All text is {@linkplain TextFolding folded} first. An n-gram field holds, at consecutive positions, the
 * {@linkplain GramTokenStream grams} of each value; values of a multi-valued field follow one another.
 */
public final class Fields {
    public static final String KEY = "key";
    public static final String ACCOUNT = "account";
    public static final String EMAIL = "email";
    public static final String HEADER_NAME = "hname";
    public static final String HEADER = "hdr";
    public static final String TEXT = "text";
    public static final String SUBJECT = "subject";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CC = "cc";
    public static final String BCC = "bcc";
    public static final String ATTACHMENT = "att";
    public static final String BODY_GRAMS = "body";
    public static final String BODY_WORDS = "bodyw";

    /** Separates the header key from the gram in {@value #HEADER} terms; header names never hold it. */
    public static final char HEADER_SEPARATOR = '\u0000';

    /** Longer header names are replaced by a digest, so that no term grows past Lucene's term length limit. */
    private static final int MAX_HEADER_NAME = 100;

    private Fields() {}

    /** The unique key of an email's document. Ids cannot hold {@code /}, so the key is unambiguous. */
    public static String key(AccountId account, EmailId email) {
        return account.value() + "/" + email.value();
    }

    public static String address(AddressField field) {
        return switch (field) {
            case FROM -> FROM;
            case TO -> TO;
            case CC -> CC;
            case BCC -> BCC;
        };
    }

    /** How a header name is stored and searched: lower-cased as the reference does, long names digested. */
    public static String headerKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace(HEADER_SEPARATOR, ' ');
        if (lower.length() <= MAX_HEADER_NAME) {
            return lower;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(lower.getBytes(StandardCharsets.UTF_8));
            return lower.substring(0, 32) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
