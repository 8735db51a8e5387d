/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.Json;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import tools.jackson.databind.node.ObjectNode;

/** The {@code bodyValues} of Email/get (RFC 8621 §4.1.4): text parts decoded to strings. */
final class BodyValues {
    private BodyValues() {}

    static ObjectNode of(
            BlobReader blobs, AccountId account, EmailId email, Collection<BodyPart> parts, long maxBytes) {
        ObjectNode values = Json.object();
        for (BodyPart part : parts) {
            if (!part.content().type().equals("text") || values.has(part.section())) {
                continue;
            }
            byte[] raw = blobs.partBody(account, email, part);
            ObjectNode value = values.putObject(part.section());
            boolean problem = false;
            String text;
            try {
                text = decoder(charset(part)).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                problem = true;
                text = new String(raw, charset(part));
            }
            boolean truncated = false;
            if (maxBytes > 0 && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                text = truncate(text, maxBytes);
                truncated = true;
            }
            value.put("value", text);
            value.put("isEncodingProblem", problem);
            value.put("isTruncated", truncated);
        }
        return values;
    }

    private static Charset charset(BodyPart part) {
        String name = BodyStructure.charset(part.content());
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The longest prefix whose UTF-8 form fits in {@code maxBytes}, never splitting a character. */
    private static String truncate(String text, long maxBytes) {
        CharBuffer in = CharBuffer.wrap(text);
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
        StandardCharsets.UTF_8.newEncoder().encode(in, out, true);
        return text.substring(0, in.position());
    }
}
