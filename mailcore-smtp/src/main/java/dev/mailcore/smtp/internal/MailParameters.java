/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.DsnReturn;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ESMTP parameters of MAIL FROM this server understands: SIZE (RFC 1870), BODY (RFC 6152, RFC 3030), SMTPUTF8
 * (RFC 6531), RET and ENVID (RFC 3461) and AUTH (RFC 4954).
 *
 * @param size the announced size, or -1
 * @param binary BODY=BINARYMIME: the message may only come with BDAT
 */
public record MailParameters(
        long size, boolean binary, boolean smtpUtf8, Optional<DsnReturn> ret, Optional<String> envelopeId) {
    /** The most characters of an ENVID (RFC 3461 section 4.4). */
    private static final int MAX_ENVID = 100;

    /**
     * Checks the parameters; throws {@link ParameterError} with the reply for an unknown (555) or malformed (501)
     * one.
     */
    public static MailParameters parse(Map<String, String> parameters) {
        long size = -1;
        boolean binary = false;
        boolean smtpUtf8 = false;
        Optional<DsnReturn> ret = Optional.empty();
        Optional<String> envelopeId = Optional.empty();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
                        throw ParameterError.syntax("Bad SIZE value");
                    }
                    size = Long.parseLong(value);
                }
                case "BODY" -> {
                    String body = value.toUpperCase(Locale.ROOT);
                    switch (body) {
                        case "7BIT", "8BITMIME" -> binary = false;
                        case "BINARYMIME" -> binary = true;
                        default -> throw ParameterError.syntax("BODY must be 7BIT, 8BITMIME or BINARYMIME");
                    }
                }
                case "SMTPUTF8" -> {
                    if (!value.isEmpty()) {
                        throw ParameterError.syntax("SMTPUTF8 takes no value");
                    }
                    smtpUtf8 = true;
                }
                case "RET" -> {
                    try {
                        ret = Optional.of(DsnReturn.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw ParameterError.syntax("RET must be FULL or HDRS");
                    }
                }
                case "ENVID" -> {
                    String decoded = decode(value, "ENVID");
                    if (decoded.isEmpty() || decoded.length() > MAX_ENVID) {
                        throw ParameterError.syntax("ENVID must have 1 to 100 characters");
                    }
                    envelopeId = Optional.of(decoded);
                }
                case "AUTH" -> {
                    // RFC 4954: the original submitter; checked for syntax, not used yet.
                    decode(value, "AUTH");
                }
                default ->
                    throw new ParameterError(Reply.of(555, "5.5.4", "Unsupported parameter " + parameter.getKey()));
            }
        }
        return new MailParameters(size, binary, smtpUtf8, ret, envelopeId);
    }

    static String decode(String value, String name) {
        try {
            return Xtext.decode(value);
        } catch (SyntaxError e) {
            throw ParameterError.syntax(name + " must be xtext");
        }
    }
}
