/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.DsnNotify;
import dev.mailcore.api.OutboundRecipient;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ESMTP parameters of RCPT TO this server understands: NOTIFY and ORCPT (RFC 3461). */
public final class RcptParameters {
    private RcptParameters() {}

    /**
     * The recipient with its DSN parameters; throws {@link ParameterError} with the reply for an unknown (555) or
     * malformed (501) parameter.
     */
    public static OutboundRecipient parse(String address, Map<String, String> parameters) {
        Set<DsnNotify> notify = Set.of();
        Optional<String> original = Optional.empty();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            switch (parameter.getKey()) {
                case "NOTIFY" -> notify = notify(parameter.getValue());
                case "ORCPT" -> original = Optional.of(originalRecipient(parameter.getValue()));
                default ->
                    throw new ParameterError(Reply.of(555, "5.5.4", "Unsupported parameter " + parameter.getKey()));
            }
        }
        return new OutboundRecipient(address, notify, original);
    }

    private static Set<DsnNotify> notify(String value) {
        Set<DsnNotify> result = EnumSet.noneOf(DsnNotify.class);
        for (String word : value.split(",", -1)) {
            try {
                if (!result.add(DsnNotify.valueOf(word.toUpperCase(Locale.ROOT)))) {
                    throw ParameterError.syntax("NOTIFY names a keyword twice");
                }
            } catch (IllegalArgumentException e) {
                throw ParameterError.syntax("NOTIFY must be NEVER or a list of SUCCESS, FAILURE and DELAY");
            }
        }
        if (result.contains(DsnNotify.NEVER) && result.size() > 1) {
            throw ParameterError.syntax("NOTIFY=NEVER stands alone");
        }
        return result;
    }

    /** {@code addr-type ";" xtext}, decoded; the type is an atom such as rfc822 or utf-8. */
    private static String originalRecipient(String value) {
        int semicolon = value.indexOf(';');
        if (semicolon <= 0 || semicolon == value.length() - 1) {
            throw ParameterError.syntax("ORCPT must be addr-type;address");
        }
        String type = value.substring(0, semicolon);
        if (!type.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            throw ParameterError.syntax("ORCPT has a bad address type");
        }
        return type + ";" + MailParameters.decode(value.substring(semicolon + 1), "ORCPT");
    }
}
