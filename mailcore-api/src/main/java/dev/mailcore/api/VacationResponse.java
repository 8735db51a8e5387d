/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * An account's vacation response (RFC 8621 §8): while enabled and between its dates, mail delivered to the account is
 * answered once per sender (RFC 3834). Kept in the {@link dev.mailcore.api.spi.AccountObjectStore} as type
 * {@link #TYPE}, id {@link #ID}, in the text form of {@link #encode()}.
 *
 * @param fromDate replies start at this time; empty for at once
 * @param toDate replies end before this time; empty for no end
 * @param subject the reply's subject; empty for {@code "Auto: "} and the original subject
 */
public record VacationResponse(
        boolean enabled,
        Optional<Instant> fromDate,
        Optional<Instant> toDate,
        Optional<String> subject,
        Optional<String> textBody,
        Optional<String> htmlBody) {
    public static final String TYPE = "VacationResponse";
    public static final String ID = "singleton";
    public static final VacationResponse OFF = new VacationResponse(
            false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public VacationResponse {
        Objects.requireNonNull(fromDate, "fromDate");
        Objects.requireNonNull(toDate, "toDate");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
    }

    /** Whether replies are sent at {@code now}. */
    public boolean activeAt(Instant now) {
        return enabled
                && fromDate.map(from -> !now.isBefore(from)).orElse(true)
                && toDate.map(now::isBefore).orElse(true);
    }

    /** The stored text form: Java properties, one key per set field. */
    public String encode() {
        Properties p = new Properties();
        p.setProperty("enabled", Boolean.toString(enabled));
        fromDate.ifPresent(d -> p.setProperty("fromDate", d.toString()));
        toDate.ifPresent(d -> p.setProperty("toDate", d.toString()));
        subject.ifPresent(s -> p.setProperty("subject", s));
        textBody.ifPresent(s -> p.setProperty("textBody", s));
        htmlBody.ifPresent(s -> p.setProperty("htmlBody", s));
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Drop the date comment Properties writes, so equal responses encode equally.
        return out.toString().replaceFirst("^#[^\n]*\n", "");
    }

    public static VacationResponse decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VacationResponse(
                Boolean.parseBoolean(p.getProperty("enabled")),
                Optional.ofNullable(p.getProperty("fromDate")).map(Instant::parse),
                Optional.ofNullable(p.getProperty("toDate")).map(Instant::parse),
                Optional.ofNullable(p.getProperty("subject")),
                Optional.ofNullable(p.getProperty("textBody")),
                Optional.ofNullable(p.getProperty("htmlBody")));
    }
}
