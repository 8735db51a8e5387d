/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.api.VacationResponse;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers mail delivered to an account whose {@link VacationResponse} is on, by the rules of RFC 3834: never to
 * automatic mail ({@code Auto-Submitted}), mailing lists ({@code List-*}, {@code Precedence: bulk/list/junk}), the null
 * sender or daemon addresses, only when the account is named in To or Cc, and once per sender per
 * {@link #PERIOD} of one vacation setting. A local sender gets the answer in their INBOX; a remote one through the
 * outbound queue, from the null reverse path so no bounce or auto-reply comes back. Who was answered when is kept as
 * {@value #REPLIED} account objects, pruned once they expire.
 */
public final class VacationResponder {
    /** How long a sender who was answered is not answered again, as RFC 5230 suggests for Sieve vacation. */
    static final Duration PERIOD = Duration.ofDays(7);

    /** The object type that remembers who was answered when: id the sender, body "vacation-state epoch-millis". */
    static final String REPLIED = "VacationReplied";

    /** How often at most an account's expired answer records are looked for, at an answer's time. */
    static final Duration PRUNE_INTERVAL = Duration.ofDays(1);

    /** When each account's answer records were last pruned; only accounts that answered in this run are here. */
    private final Map<AccountId, Instant> pruned = new ConcurrentHashMap<>();

    private final MailStore store;
    private final Directory directory;
    private final AccountObjectStore objects;
    private final Optional<OutboundQueue> queue;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public VacationResponder(
            MailStore store,
            Directory directory,
            AccountObjectStore objects,
            Optional<OutboundQueue> queue,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.objects = objects;
        this.queue = queue;
        this.clock = clock;
    }

    void respond(AccountId account, String sender, EmailId email) {
        Optional<AccountObjectStore.StoredObject> stored =
                objects.get(account, VacationResponse.TYPE, VacationResponse.ID);
        if (stored.isEmpty()) {
            return;
        }
        VacationResponse vacation = VacationResponse.decode(stored.get().body());
        Instant now = clock.instant();
        if (!vacation.activeAt(now) || isDaemon(sender)) {
            return;
        }
        InternetHeaders headers = headers(account, email);
        if (isAutomatic(headers)) {
            return;
        }
        Optional<String> named = namedRecipient(account, headers);
        Optional<Account> owner = directory.account(account);
        if (named.isEmpty()
                || owner.isEmpty()
                || !firstSince(account, sender, stored.get().changedState(), now)) {
            return;
        }
        byte[] reply = reply(vacation, named.get(), sender, headers, now);
        Optional<AccountId> local = directory.resolveRecipient(sender);
        if (local.isPresent()) {
            // Delivered as a plain append: an answer is never answered.
            store.mailboxes()
                    .byPath(local.get(), "INBOX")
                    .ifPresent(inbox -> store.messages()
                            .append(
                                    local.get(),
                                    inbox.id(),
                                    dev.mailcore.api.AppendRequest.of(new ByteArrayInputStream(reply))));
        } else if (queue.isPresent() && !directory.isLocalDomain(domain(sender))) {
            queue.get()
                    .enqueue(
                            new OutboundEnvelope(
                                    "", List.of(OutboundRecipient.of(sender)), Optional.empty(), Optional.empty()),
                            new ByteArrayInputStream(reply));
        }
    }

    private static boolean isDaemon(String sender) {
        if (sender.isEmpty() || sender.indexOf('@') < 0) {
            return true;
        }
        String local = sender.substring(0, sender.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon")
                || local.equals("postmaster")
                || local.startsWith("owner-")
                || local.endsWith("-request");
    }

    private static boolean isAutomatic(InternetHeaders headers) {
        String auto = headers.getHeader("Auto-Submitted", ",");
        if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = headers.getHeader("Precedence", ",");
        if (precedence != null) {
            String p = precedence.strip().toLowerCase(Locale.ROOT);
            if (p.equals("bulk") || p.equals("list") || p.equals("junk")) {
                return true;
            }
        }
        var names = headers.getAllHeaders();
        while (names.hasMoreElements()) {
            String name = names.nextElement().getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("list-")) {
                return true;
            }
        }
        return false;
    }

    /** The address in To or Cc that is delivered to this account, if any. */
    private Optional<String> namedRecipient(AccountId account, InternetHeaders headers) {
        for (String field : new String[] {"To", "Cc"}) {
            String value = headers.getHeader(field, ",");
            if (value == null) {
                continue;
            }
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    String a = address.getAddress();
                    if (a != null
                            && directory
                                    .resolveRecipient(a)
                                    .filter(account::equals)
                                    .isPresent()) {
                        return Optional.of(a);
                    }
                }
            } catch (AddressException e) {
                // An unreadable field names nobody.
            }
        }
        return Optional.empty();
    }

    /** Records the answer to {@code sender}; false when one was sent in this period of this vacation setting. */
    private synchronized boolean firstSince(AccountId account, String sender, long vacationState, Instant now) {
        String id = sender.toLowerCase(Locale.ROOT);
        Optional<AccountObjectStore.StoredObject> last = objects.get(account, REPLIED, id);
        if (last.isPresent() && !expired(last.get().body(), vacationState, now)) {
            return false;
        }
        objects.put(account, REPLIED, id, vacationState + " " + now.toEpochMilli());
        prune(account, vacationState, now);
        return true;
    }

    /**
     * Forgets the answer records that no longer hold anyone back (older than the period, or of an earlier vacation
     * setting), so they do not pile up one per sender for ever. Runs at an answer, at most once per
     * {@link #PRUNE_INTERVAL} per account: reading every record at each answer would cost as much as the records
     * it saves. Records of an account that answers no more stay until its next answer, at most one per sender of its
     * last period.
     */
    private void prune(AccountId account, long vacationState, Instant now) {
        Instant previous = pruned.get(account);
        if (previous != null && now.isBefore(previous.plus(PRUNE_INTERVAL))) {
            return;
        }
        pruned.put(account, now);
        List<String> expired = objects.list(account, REPLIED).stream()
                .filter(o -> expired(o.body(), vacationState, now))
                .map(AccountObjectStore.StoredObject::id)
                .toList();
        objects.forget(account, REPLIED, expired);
    }

    /** Whether a record no longer stops an answer: of another vacation setting, or from before the period. */
    private static boolean expired(String body, long vacationState, Instant now) {
        String[] parts = body.split(" ");
        boolean sameSetting = Long.parseLong(parts[0]) == vacationState;
        Instant at = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        return !sameSetting || !now.isBefore(at.plus(PERIOD));
    }

    private InternetHeaders headers(AccountId account, EmailId email) {
        try (InputStream in = store.contents().open(account, email)) {
            return new InternetHeaders(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            return new InternetHeaders();
        }
    }

    private byte[] reply(VacationResponse vacation, String from, String to, InternetHeaders original, Instant now) {
        try {
            MimeMessage reply = new MimeMessage(session);
            reply.setFrom(new InternetAddress(from));
            reply.setRecipients(MimeMessage.RecipientType.TO, new Address[] {new InternetAddress(to)});
            reply.setSubject(vacation.subject().orElseGet(() -> "Auto: " + originalSubject(original)), "UTF-8");
            reply.setSentDate(Date.from(now));
            reply.setHeader("Auto-Submitted", "auto-replied");
            String messageId = original.getHeader("Message-ID", null);
            if (messageId != null) {
                reply.setHeader("In-Reply-To", messageId.strip());
                String references = original.getHeader("References", " ");
                reply.setHeader(
                        "References",
                        MimeUtility.fold(12, (references == null ? "" : references.strip() + " ") + messageId.strip()));
            }
            String text = vacation.textBody().orElse("");
            if (vacation.htmlBody().isPresent()) {
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(vacation.htmlBody().get(), "UTF-8", "html");
                alternative.addBodyPart(plain);
                alternative.addBodyPart(html);
                reply.setContent(alternative);
            } else {
                reply.setText(text, "UTF-8");
            }
            reply.saveChanges();
            reply.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(from) + ">");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reply.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the vacation response", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String originalSubject(InternetHeaders original) {
        String subject = original.getHeader("Subject", null);
        if (subject == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(subject)).strip();
        } catch (java.io.UnsupportedEncodingException e) {
            return subject.strip();
        }
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
