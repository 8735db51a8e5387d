/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.Protocol;
import java.util.Objects;

/** One listener to open: which protocol, on which host (name or address) and port (0: any free one). */
public record ListenerSpec(Protocol protocol, String host, int port) {
    public ListenerSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(protocol.key() + " port must be 0 to 65535: " + port);
        }
    }
}
