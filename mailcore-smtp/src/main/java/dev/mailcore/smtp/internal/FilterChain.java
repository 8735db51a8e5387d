/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.Literal;
import dev.mailcore.smtp.Envelope;
import dev.mailcore.smtp.MessageFilter;
import dev.mailcore.smtp.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's filters in order and turns their verdicts into replies for the refused recipients, and into the
 * content that goes on when a filter rewrote the message.
 */
public final class FilterChain {
    private static final Logger LOG = LoggerFactory.getLogger(FilterChain.class);

    private final List<MessageFilter> filters;

    public FilterChain(List<MessageFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    /**
     * What the filters decided.
     *
     * @param refused for each recipient index a filter refused, the reply; recipients without an entry go on
     * @param content the message that goes on: the client's, or the last rewrite
     */
    public record Outcome(Map<Integer, Reply> refused, Literal content) {}

    public Outcome run(Envelope envelope, Literal received) {
        Map<Integer, Reply> refused = new HashMap<>();
        Literal content = received;
        List<String> recipients = envelope.recipients();
        for (MessageFilter filter : filters) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                if (!refused.containsKey(i)) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            Envelope visible = envelope.withRecipients(open);
            Verdict verdict;
            Reply failure = null;
            try (InputStream message = content.open()) {
                verdict = filter.filter(visible, message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                LOG.warn("a message filter failed", e);
                verdict = null;
                failure = Reply.of(451, "4.3.0", "Local error in a message filter; try again later");
            }
            if (verdict instanceof Verdict.Rewrite rewrite) {
                content = Literal.ofBytes(rewrite.message());
            }
            for (int i = 0; i < recipients.size(); i++) {
                if (!refused.containsKey(i)) {
                    Reply reply = failure != null ? failure : reply(verdict, recipients.get(i));
                    if (reply != null) {
                        refused.put(i, reply);
                    }
                }
            }
        }
        return new Outcome(refused, content);
    }

    private static Reply reply(Verdict verdict, String recipient) {
        return switch (verdict) {
            case Verdict.Accept accept -> null;
            case Verdict.Rewrite rewrite -> null;
            case Verdict.Reject reject -> Reply.of(550, "5.7.1", clean(reject.reason()));
            case Verdict.TempFail tempFail -> Reply.of(451, "4.7.1", clean(tempFail.reason()));
            case Verdict.PerRecipient per -> {
                Verdict mine = per.verdicts().get(recipient);
                yield mine == null || mine instanceof Verdict.PerRecipient || mine instanceof Verdict.Rewrite
                        ? null
                        : reply(mine, recipient);
            }
        };
    }

    private static String clean(String text) {
        return text.replaceAll("[\\r\\n]", " ");
    }
}
