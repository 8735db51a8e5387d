/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.demo;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortField;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Builds a mailbox engine on the in-memory store, adds a short conversation, and shows threading, flags and search.
 *
 * <pre>{@code
 * java -jar examples/engine-demo/target/engine-demo.jar
 * }</pre>
 */
public final class EngineDemo {
    private EngineDemo() {}

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the demo, writing what it does to {@code out}; returns the UIDs the final search found. */
    public static long[] run(PrintStream out) {
        try (MemoryMetadataStore metadata = new MemoryMetadataStore();
                MemoryBlobStore blobs = new MemoryBlobStore();
                ScanSearchIndex index = new ScanSearchIndex();
                InJvmEventBus events = new InJvmEventBus();
                MailEngine engine = MailEngine.builder()
                        .metadataStore(metadata)
                        .blobStore(blobs)
                        .searchIndex(index)
                        .eventBus(events)
                        .build()) {
            AccountId alice = AccountId.of("alice");
            Mailbox inbox = engine.mailboxes().byPath(alice, "INBOX").orElseThrow();
            out.println("Mailboxes: "
                    + engine.mailboxes().list(alice).stream().map(Mailbox::path).toList());

            AppendResult question = add(
                    engine,
                    alice,
                    inbox,
                    "Bob <bob@example.com>",
                    "Lunch on Friday?",
                    "<q1@example.com>",
                    null,
                    "Shall we try the new place on Friday?");
            AppendResult answer = add(
                    engine,
                    alice,
                    inbox,
                    "Carol <carol@example.com>",
                    "Re: Lunch on Friday?",
                    "<a1@example.com>",
                    "<q1@example.com>",
                    "Friday works for me.");
            AppendResult other = add(
                    engine,
                    alice,
                    inbox,
                    "Bob <bob@example.com>",
                    "Invoice 2026-001",
                    "<i1@example.com>",
                    null,
                    "Please find the invoice attached.");
            out.printf("Appended UIDs %d, %d, %d%n", question.uid(), answer.uid(), other.uid());
            out.println("The reply shares the question's thread: "
                    + question.threadId().equals(answer.threadId()));

            engine.messages()
                    .updateFlags(
                            alice,
                            inbox.id(),
                            UidSet.of(question.uid()),
                            FlagChange.add(Flags.of(Keywords.SEEN)),
                            OptionalLong.empty());
            var status = engine.mailboxes().status(alice, inbox.id());
            out.printf("INBOX: %d messages, %d unseen, %d octets%n", status.messages(), status.unseen(), status.size());

            SearchQuery unseenFromBob = SearchQuery.and(
                    new SearchQuery.AddressContains(AddressField.FROM, "bob@example.com"),
                    SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN)));
            long[] found = engine.search()
                    .searchUids(alice, inbox.id(), unseenFromBob, List.of(SortKey.ascending(SortField.SUBJECT)));
            out.println("Unseen mail from Bob: UIDs " + Arrays.toString(found));
            return found;
        }
    }

    private static AppendResult add(
            MailEngine engine,
            AccountId account,
            Mailbox mailbox,
            String from,
            String subject,
            String messageId,
            String inReplyTo,
            String body) {
        StringBuilder raw = new StringBuilder()
                .append("From: ")
                .append(from)
                .append("\r\n")
                .append("To: Alice <alice@example.com>\r\n")
                .append("Subject: ")
                .append(subject)
                .append("\r\n")
                .append("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n")
                .append("Message-ID: ")
                .append(messageId)
                .append("\r\n");
        if (inReplyTo != null) {
            raw.append("In-Reply-To: ").append(inReplyTo).append("\r\n");
        }
        raw.append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
                .append(body)
                .append("\r\n");
        return engine.messages()
                .append(
                        account,
                        mailbox.id(),
                        AppendRequest.of(new ByteArrayInputStream(raw.toString().getBytes(StandardCharsets.UTF_8))));
    }
}
