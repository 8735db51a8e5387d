/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.util.List;

/** What the framer hands a protocol: a whole request, or the report that one was refused. */
public sealed interface Frame {
    /**
     * A request: its lines (without CRLF) and literals in the order they came. A request without literals is one
     * line. The protocol must close the literals it receives (they may hold temp files); {@link #close()} does it.
     */
    record Request(List<Part> parts) implements Frame, AutoCloseable {
        public Request {
            parts = List.copyOf(parts);
        }

        @Override
        public void close() {
            for (Part part : parts) {
                if (part instanceof Literal literal) {
                    literal.close();
                }
            }
        }
    }

    /**
     * A line longer than the limit, or a literal larger than the limit, was discarded. {@code start} holds the first
     * bytes of the request, so the protocol can find its tag.
     */
    record TooLong(byte[] start, boolean literal) implements Frame {}

    /** A piece of a request. */
    sealed interface Part permits Line, Literal {}

    /** One line, without its CRLF. */
    record Line(byte[] bytes) implements Part {}
}
