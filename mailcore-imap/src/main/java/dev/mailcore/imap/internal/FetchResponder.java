/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.FlagUpdateResult;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.imap.internal.FetchItem.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Answers one FETCH: reads metadata, summaries and byte ranges from the store and encodes each message's line. */
public final class FetchResponder {
    /** The items {@link #flagsOnly} answers. */
    private static final Set<FetchItem> FLAGS_ONLY =
            Set.of(FetchItem.Simple.FLAGS, FetchItem.Simple.UID, FetchItem.Simple.MODSEQ);

    /** Responses between flushes when answering from a flag listing, as the summary batches do. */
    private static final int FLUSH_EVERY = 256;

    private final ImapSession session;
    private final MailStore store;
    private final AccountId account;
    private final SelectedMailbox selected;
    private final ResponseWriter out;

    public FetchResponder(ImapSession session) {
        this.session = session;
        this.store = session.store();
        this.account = session.account();
        this.selected = session.selected();
        this.out = session.out();
    }

    public void fetch(Command.Fetch command) {
        UidSet uids = selected.toUids(command.set(), command.uid());
        if (uids.isEmpty()) {
            return;
        }
        List<FetchItem> items = new ArrayList<>(command.items());
        if (command.uid() && !items.contains(FetchItem.Simple.UID)) {
            items.addFirst(FetchItem.Simple.UID);
        }
        // RFC 7162 §3.2: once CONDSTORE is on, every FETCH response carries MODSEQ.
        if ((command.changedSince().isPresent() || session.condstore()) && !items.contains(FetchItem.Simple.MODSEQ)) {
            items.add(FetchItem.Simple.MODSEQ);
        }
        boolean setsSeen = !selected.readOnly()
                && items.stream()
                        .anyMatch(i -> (i instanceof FetchItem.Body b && !b.peek())
                                || (i instanceof FetchItem.Binary x && !x.peek()));
        if (setsSeen) {
            FlagUpdateResult result = store.messages()
                    .updateFlags(
                            account,
                            selected.mailbox().id(),
                            uids,
                            FlagChange.add(Flags.of(Keywords.SEEN)),
                            OptionalLong.empty());
            for (MessageMeta meta : result.updated()) {
                selected.reported(meta.uid(), meta.modSeq());
            }
            if (!items.contains(FetchItem.Simple.FLAGS)) {
                items.add(FetchItem.Simple.FLAGS);
            }
        }
        long changedSince = command.changedSince().orElse(0);
        if (FLAGS_ONLY.containsAll(items)) {
            flagsOnly(uids, changedSince, items);
            return;
        }
        List<MessageMeta> metas = command.changedSince().isPresent()
                ? store.messages()
                        .listChangedSince(
                                account,
                                selected.mailbox().id(),
                                uids,
                                command.changedSince().getAsLong())
                : store.messages().list(account, selected.mailbox().id(), uids);
        boolean needsSummary = items.stream()
                .anyMatch(i -> i instanceof FetchItem.Body
                        || i instanceof FetchItem.Binary
                        || i == FetchItem.Simple.ENVELOPE
                        || i == FetchItem.Simple.PREVIEW
                        || i == FetchItem.Simple.BODYSTRUCTURE
                        || i == FetchItem.Simple.BODY);
        // Summaries in batches, so a huge range never holds them all at once.
        int batch = 256;
        for (int from = 0; from < metas.size(); from += batch) {
            List<MessageMeta> slice = metas.subList(from, Math.min(metas.size(), from + batch));
            Map<EmailId, MessageSummary> summaries = needsSummary
                    ? store.messages()
                            .summaries(
                                    account,
                                    slice.stream().map(MessageMeta::emailId).toList())
                    : Map.of();
            for (MessageMeta meta : slice) {
                int sequence = selected.sequenceOf(meta.uid());
                if (sequence == 0) {
                    continue;
                }
                message(sequence, meta, summaries.get(meta.emailId()), items);
            }
            out.flush();
        }
    }

    /**
     * FLAGS, UID and MODSEQ only (a client syncing a mailbox's flags): from the store's flag listing, which skips
     * everything else a message has, in the order the client asked for the items.
     */
    private void flagsOnly(UidSet uids, long changedSince, List<FetchItem> items) {
        FlagListing listing = store.messages().flags(account, selected.mailbox().id(), uids, changedSince);
        for (int i = 0; i < listing.size(); i++) {
            int sequence = selected.sequenceOf(listing.uid(i));
            if (sequence == 0) {
                continue;
            }
            out.raw("* ").number(sequence).raw(" FETCH (");
            for (int k = 0; k < items.size(); k++) {
                if (k > 0) {
                    out.raw(" ");
                }
                switch ((FetchItem.Simple) items.get(k)) {
                    case FLAGS -> {
                        out.raw("FLAGS ");
                        MessageFlags.write(listing.flags(i), out);
                    }
                    case UID -> out.raw("UID ").number(listing.uid(i));
                    case MODSEQ -> out.raw("MODSEQ (").number(listing.modSeq(i)).raw(")");
                    default -> throw new IllegalStateException("not a flags-only item: " + items.get(k));
                }
            }
            out.raw(")").crlf();
            if (i % FLUSH_EVERY == FLUSH_EVERY - 1) {
                out.flush();
            }
        }
        out.flush();
    }

    private void message(int sequence, MessageMeta meta, MessageSummary summary, List<FetchItem> items) {
        // An encoding BINARY cannot undo fails the command before this message's response begins.
        for (FetchItem item : items) {
            if (item instanceof FetchItem.Binary binary) {
                BinaryDecoder.check(encoding(summary, binary.part()));
            }
        }
        out.raw("* ").number(sequence).raw(" FETCH (");
        boolean first = true;
        for (FetchItem item : items) {
            if (!first) {
                out.raw(" ");
            }
            first = false;
            switch (item) {
                case FetchItem.Simple simple -> simple(simple, meta, summary);
                case FetchItem.Body body -> body(body, meta, summary);
                case FetchItem.Binary binary -> binary(binary, meta, summary);
            }
        }
        out.raw(")").crlf();
    }

    private void simple(FetchItem.Simple item, MessageMeta meta, MessageSummary summary) {
        switch (item) {
            case FLAGS -> {
                out.raw("FLAGS ");
                MessageFlags.write(meta.flags(), out);
            }
            case UID -> out.raw("UID ").number(meta.uid());
            case INTERNALDATE ->
                out.raw("INTERNALDATE \"")
                        .raw(ImapDates.format(meta.receivedAt()))
                        .raw("\"");
            case RFC822_SIZE -> out.raw("RFC822.SIZE ").number(meta.size());
            case ENVELOPE -> {
                out.raw("ENVELOPE ");
                StructureWriter.envelope(summary.envelope(), out);
            }
            case BODYSTRUCTURE -> {
                out.raw("BODYSTRUCTURE ");
                StructureWriter.body(summary.body(), true, out);
            }
            case BODY -> {
                out.raw("BODY ");
                StructureWriter.body(summary.body(), false, out);
            }
            case MODSEQ -> out.raw("MODSEQ (").number(meta.modSeq()).raw(")");
            case EMAILID -> out.raw("EMAILID (").raw(meta.emailId().value()).raw(")");
            case THREADID -> out.raw("THREADID (").raw(meta.threadId().value()).raw(")");
            case PREVIEW -> out.raw("PREVIEW ").nstring(summary.preview());
            case SAVEDATE -> {
                out.raw("SAVEDATE ");
                if (meta.savedAt() == null) {
                    out.raw("NIL");
                } else {
                    out.raw("\"").raw(ImapDates.format(meta.savedAt())).raw("\"");
                }
            }
        }
    }

    private void body(FetchItem.Body item, MessageMeta meta, MessageSummary summary) {
        out.raw(item.label());
        if (item.partialOffset() >= 0) {
            out.raw("<").number(item.partialOffset()).raw(">");
        }
        out.raw(" ");
        Section section = item.section();
        SectionLocator.Range range = SectionLocator.locate(summary, meta.size(), section);
        if (range == null) {
            out.raw("\"\"");
            return;
        }
        if (section.kind() == Section.Kind.HEADER_FIELDS || section.kind() == Section.Kind.HEADER_FIELDS_NOT) {
            byte[] header;
            try (InputStream in = store.contents().open(account, meta.emailId(), range.offset(), range.length())) {
                header = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] filtered =
                    HeaderFilter.filter(header, section.fields(), section.kind() == Section.Kind.HEADER_FIELDS);
            literal(new java.io.ByteArrayInputStream(filtered), filtered.length, item);
            return;
        }
        long offset = range.offset();
        long length = range.length();
        if (item.partialOffset() >= 0) {
            long skip = Math.min(item.partialOffset(), length);
            offset += skip;
            length = Math.min(length - skip, item.partialLength());
        }
        if (length == 0) {
            out.raw("\"\"");
            return;
        }
        out.literal(store.contents().open(account, meta.emailId(), offset, length), length);
    }

    private void literal(InputStream in, long size, FetchItem.Body item) {
        long offset = 0;
        long length = size;
        if (item.partialOffset() >= 0) {
            offset = Math.min(item.partialOffset(), size);
            length = Math.min(size - offset, item.partialLength());
        }
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.literal(in, length);
    }

    /** The encoding of a part; null (no decoding) for the whole message or a part that is not there. */
    private static String encoding(MessageSummary summary, String part) {
        if (part.isEmpty()) {
            return null;
        }
        BodyPart found = SectionLocator.part(summary, part);
        return found == null ? null : found.content().encoding();
    }

    private void binary(FetchItem.Binary item, MessageMeta meta, MessageSummary summary) {
        String label = "[" + item.part() + "]";
        SectionLocator.Range range =
                SectionLocator.locate(summary, meta.size(), new Section(item.part(), Section.Kind.ALL, List.of()));
        String encoding = encoding(summary, item.part());
        BinaryDecoder.Measure measure = range == null
                ? new BinaryDecoder.Measure(0, false)
                : BinaryDecoder.measure(
                        encoding, () -> store.contents().open(account, meta.emailId(), range.offset(), range.length()));
        if (item.sizeOnly()) {
            out.raw("BINARY.SIZE").raw(label).raw(" ").number(measure.size());
            return;
        }
        out.raw("BINARY").raw(label);
        long skip = 0;
        long length = measure.size();
        if (item.partialOffset() >= 0) {
            out.raw("<").number(item.partialOffset()).raw(">");
            skip = Math.min(item.partialOffset(), length);
            length = Math.min(length - skip, item.partialLength());
        }
        out.raw(" ");
        if (length == 0) {
            out.raw("\"\"");
            return;
        }
        InputStream in = BinaryDecoder.decode(
                encoding, store.contents().open(account, meta.emailId(), range.offset(), range.length()));
        try {
            in.skipNBytes(skip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (measure.hasNul()) {
            // RFC 3516 §4.3: content with NUL goes as literal8.
            out.raw("~");
        }
        out.literal(in, length);
    }
}
