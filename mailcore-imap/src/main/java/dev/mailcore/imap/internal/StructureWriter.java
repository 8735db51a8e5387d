/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.Envelope;
import dev.mailcore.api.message.Parameter;
import java.util.List;

/** Writes ENVELOPE, BODY and BODYSTRUCTURE (RFC 9051 §7.5.2) from the structure the store extracted at ingest. */
final class StructureWriter {
    private StructureWriter() {}

    static void envelope(Envelope e, ResponseWriter out) {
        out.raw("(").nstring(e.date()).raw(" ").nstring(e.subject()).raw(" ");
        addresses(e.from(), out);
        out.raw(" ");
        // RFC 9051: Sender and Reply-To default to From.
        addresses(e.sender().isEmpty() ? e.from() : e.sender(), out);
        out.raw(" ");
        addresses(e.replyTo().isEmpty() ? e.from() : e.replyTo(), out);
        out.raw(" ");
        addresses(e.to(), out);
        out.raw(" ");
        addresses(e.cc(), out);
        out.raw(" ");
        addresses(e.bcc(), out);
        out.raw(" ").nstring(e.inReplyTo()).raw(" ").nstring(e.messageId()).raw(")");
    }

    private static void addresses(List<Address> list, ResponseWriter out) {
        if (list.isEmpty()) {
            out.raw("NIL");
            return;
        }
        out.raw("(");
        for (Address address : list) {
            switch (address) {
                case EmailAddress a -> address(a, out);
                case AddressGroup g -> {
                    out.raw("(NIL NIL ")
                            .nstring(g.name() == null ? "" : g.name())
                            .raw(" NIL)");
                    for (EmailAddress member : g.members()) {
                        address(member, out);
                    }
                    out.raw("(NIL NIL NIL NIL)");
                }
            }
        }
        out.raw(")");
    }

    private static void address(EmailAddress a, ResponseWriter out) {
        out.raw("(")
                .nstring(a.name())
                .raw(" NIL ")
                .nstring(a.localPart())
                .raw(" ")
                .nstring(a.domain())
                .raw(")");
    }

    static void body(BodyPart part, boolean extensible, ResponseWriter out) {
        ContentInfo c = part.content();
        out.raw("(");
        switch (part) {
            case BodyPart.Multipart m -> {
                for (BodyPart child : m.parts()) {
                    body(child, extensible, out);
                }
                if (m.parts().isEmpty()) {
                    // A multipart needs at least one part in the grammar.
                    out.raw("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 0 0)");
                }
                out.raw(" ").string(c.subtype());
                if (extensible) {
                    out.raw(" ");
                    parameters(c.parameters(), out);
                    extension(c, out);
                }
            }
            case BodyPart.Single s -> {
                basic(c, s.span().bodySize(), out);
                if (c.type().equalsIgnoreCase("text")) {
                    out.raw(" ").number(s.lines());
                }
                if (extensible) {
                    out.raw(" ").nstring(c.md5());
                    extension(c, out);
                }
            }
            case BodyPart.Message m -> {
                basic(c, m.span().bodySize(), out);
                out.raw(" ");
                envelope(m.envelope(), out);
                out.raw(" ");
                body(m.body(), extensible, out);
                out.raw(" ").number(m.lines());
                if (extensible) {
                    out.raw(" ").nstring(c.md5());
                    extension(c, out);
                }
            }
        }
        out.raw(")");
    }

    private static void basic(ContentInfo c, long size, ResponseWriter out) {
        out.string(c.type()).raw(" ").string(c.subtype()).raw(" ");
        parameters(c.parameters(), out);
        out.raw(" ")
                .nstring(c.id())
                .raw(" ")
                .nstring(c.description())
                .raw(" ")
                .string(c.encoding() == null ? "7bit" : c.encoding())
                .raw(" ")
                .number(size);
    }

    private static void extension(ContentInfo c, ResponseWriter out) {
        out.raw(" ");
        if (c.disposition() == null) {
            out.raw("NIL");
        } else {
            out.raw("(").string(c.disposition()).raw(" ");
            parameters(c.dispositionParameters(), out);
            out.raw(")");
        }
        out.raw(" ");
        if (c.languages().isEmpty()) {
            out.raw("NIL");
        } else {
            out.raw("(");
            for (int i = 0; i < c.languages().size(); i++) {
                out.raw(i == 0 ? "" : " ").string(c.languages().get(i));
            }
            out.raw(")");
        }
        out.raw(" ").nstring(c.location());
    }

    private static void parameters(List<Parameter> parameters, ResponseWriter out) {
        if (parameters.isEmpty()) {
            out.raw("NIL");
            return;
        }
        out.raw("(");
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            out.raw(i == 0 ? "" : " ").string(p.name()).raw(" ").string(p.value() == null ? "" : p.value());
        }
        out.raw(")");
    }
}
