/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.MailException;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.net.Literal;
import dev.mailcore.smtp.CapturedMessage;
import dev.mailcore.smtp.Envelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a received message on: through the filters, into the local recipients' mailboxes, into the outbound queue
 * for the others (or only into the capture in capture mode), and returns one reply per recipient. Every reply that
 * says 250 is for a copy that is durable (or captured) when this returns.
 */
final class Handoff {
    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);
    private static final Reply QUEUED = Reply.of(250, "2.0.0", "Queued for delivery");
    private static final Reply CAPTURED = Reply.of(250, "2.0.0", "Captured");

    private final SmtpSettings settings;
    private final LocalDelivery local;

    Handoff(SmtpSettings settings) {
        this.settings = settings;
        this.local = new LocalDelivery(settings.store());
    }

    List<Reply> deliver(Envelope envelope, List<Recipient> recipients, Literal received, TraceHeaders trace) {
        FilterChain.Outcome filtered = settings.filters().run(envelope, received);
        Map<Integer, Reply> refused = filtered.refused();
        Literal content = filtered.content();
        List<Recipient> locals = new ArrayList<>();
        List<Recipient> others = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (!refused.containsKey(i)) {
                (recipients.get(i).isLocal() ? locals : others).add(recipients.get(i));
            }
        }
        Iterator<Reply> localReplies = locals.isEmpty()
                ? List.<Reply>of().iterator()
                : local.deliver(envelope.sender(), locals, content, trace).iterator();
        Reply otherReply =
                others.isEmpty() ? null : settings.captureMode() ? CAPTURED : enqueue(envelope, others, content, trace);
        List<Reply> replies = new ArrayList<>(recipients.size());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Reply reply = refused.containsKey(i)
                    ? refused.get(i)
                    : recipients.get(i).isLocal() ? localReplies.next() : otherReply;
            replies.add(reply);
            if (!reply.isError()) {
                kept.add(i);
            }
        }
        if (settings.captureMode() && !kept.isEmpty()) {
            settings.capture()
                    .accept(new CapturedMessage(
                            envelope.withRecipients(kept),
                            content.readAll(),
                            settings.clock().instant()));
        }
        return replies;
    }

    private Reply enqueue(Envelope envelope, List<Recipient> others, Literal content, TraceHeaders trace) {
        OutboundEnvelope outbound = new OutboundEnvelope(
                envelope.sender(),
                others.stream().map(Recipient::parameters).toList(),
                envelope.dsnReturn(),
                envelope.envelopeId());
        byte[] received = trace.forRecipients(others).encodeReceived();
        try (InputStream message = new SequenceInputStream(new ByteArrayInputStream(received), content.open())) {
            settings.outboundQueue().enqueue(outbound, message);
            return QUEUED;
        } catch (MailException e) {
            LOG.info("queueing {} failed: {}", trace.id(), e.toString());
            return Replies.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
