/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes apart a request the framer made of BDAT lines and their chunks (see {@link SmtpLiterals}): each step is a
 * command line, and for a BDAT with a non-empty chunk the chunk as the literal the framer read plus the octet it
 * read as the start of the next line.
 */
final class ChunkedRequest {
    /**
     * One command.
     *
     * @param line the command line
     * @param head all of the chunk but its last octet, or null when no chunk followed the line
     * @param last the chunk's last octet
     */
    record Step(byte[] line, Literal head, byte last) {
        boolean hasChunk() {
            return head != null;
        }
    }

    private ChunkedRequest() {}

    static List<Step> steps(Frame.Request request) {
        List<Frame.Part> parts = request.parts();
        List<Step> steps = new ArrayList<>();
        byte[] line = ((Frame.Line) parts.getFirst()).bytes();
        int i = 1;
        while (true) {
            if (i >= parts.size() || !(parts.get(i) instanceof Literal head)) {
                steps.add(new Step(line, null, (byte) 0));
                return steps;
            }
            byte[] tail = ((Frame.Line) parts.get(i + 1)).bytes();
            // An empty line means the chunk's last octet was the LF that ended it.
            steps.add(new Step(line, head, tail.length == 0 ? (byte) '\n' : tail[0]));
            if (tail.length == 0) {
                return steps;
            }
            line = Arrays.copyOfRange(tail, 1, tail.length);
            i += 2;
        }
    }
}
