/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.message.BodyPart;
import java.util.Optional;

/** Finds MIME parts in a stored structure. */
public final class Parts {
    private Parts() {}

    /** The leaf or message part with the IMAP section number {@code section}. */
    public static Optional<BodyPart> find(BodyPart part, String section) {
        return switch (part) {
            case BodyPart.Multipart multi -> {
                for (BodyPart child : multi.parts()) {
                    Optional<BodyPart> found = find(child, section);
                    if (found.isPresent()) {
                        yield found;
                    }
                }
                yield Optional.empty();
            }
            case BodyPart.Single single -> section.equals(single.section()) ? Optional.of(single) : Optional.empty();
            case BodyPart.Message message ->
                section.equals(message.section()) ? Optional.of(message) : Optional.empty();
        };
    }
}
