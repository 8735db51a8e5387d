/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.MailboxStatus;
import dev.mailcore.api.MailboxUpdate;
import dev.mailcore.api.Mailboxes;
import dev.mailcore.api.ThreadCounts;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Mailboxes} over the metadata store. */
public final class MailboxService implements Mailboxes {
    private final EngineContext context;
    private final Transactions transactions;
    private final AccountSetup setup;
    private final MessageRemover remover;
    private final MessageMover mover;

    public MailboxService(
            EngineContext context,
            Transactions transactions,
            AccountSetup setup,
            MessageRemover remover,
            MessageMover mover) {
        this.context = context;
        this.transactions = transactions;
        this.setup = setup;
        this.remover = remover;
        this.mover = mover;
    }

    @Override
    public List<Mailbox> list(AccountId account) {
        setup.ensure(account);
        return transactions.read(account, r -> {
            MailboxTree tree = MailboxTree.read(r);
            List<Mailbox> out = new ArrayList<>();
            for (MailboxRecord record : tree.ordered()) {
                out.add(tree.view(record, state(r, record.id())));
            }
            return out;
        });
    }

    @Override
    public Optional<Mailbox> get(AccountId account, MailboxId mailbox) {
        setup.ensure(account);
        return transactions.read(account, r -> {
            MailboxTree tree = MailboxTree.read(r);
            return tree.get(mailbox).map(record -> tree.view(record, state(r, mailbox)));
        });
    }

    @Override
    public Optional<Mailbox> byPath(AccountId account, String path) {
        List<String> levels;
        try {
            levels = MailboxNames.split(path);
        } catch (MailException e) {
            return Optional.empty();
        }
        setup.ensure(account);
        return transactions.read(account, r -> {
            MailboxTree tree = MailboxTree.read(r);
            return tree.byLevels(levels).map(record -> tree.view(record, state(r, record.id())));
        });
    }

    @Override
    public MailboxStatus status(AccountId account, MailboxId mailbox) {
        setup.ensure(account);
        return transactions.read(account, r -> {
            MailboxTree tree = MailboxTree.read(r);
            MailboxRecord record = tree.get(mailbox).orElseThrow(() -> notFound(mailbox));
            MailboxCounts counts = r.counts(mailbox);
            return new MailboxStatus(
                    tree.view(record, state(r, mailbox)),
                    counts.messages(),
                    counts.unseen(),
                    counts.deleted(),
                    counts.size());
        });
    }

    @Override
    public ThreadCounts threadCounts(AccountId account, MailboxId mailbox) {
        setup.ensure(account);
        return transactions.read(account, r -> {
            MessageService.requireMailbox(r, mailbox);
            return countThreads(r, mailbox);
        });
    }

    private static ThreadCounts countThreads(MetadataReader r, MailboxId mailbox) {
        List<MessageRecord> messages = r.messages(mailbox, UidSet.all(), 0);
        Map<dev.mailcore.api.EmailId, EmailRecord> emails =
                r.emails(messages.stream().map(MessageRecord::emailId).toList());
        Set<Object> threads = new HashSet<>();
        Set<Object> unseen = new HashSet<>();
        for (EmailRecord email : emails.values()) {
            threads.add(email.threadId());
            if (!email.keywords().contains(Keywords.SEEN)) {
                unseen.add(email.threadId());
            }
        }
        return new ThreadCounts(threads.size(), unseen.size());
    }

    @Override
    public Mailbox create(AccountId account, String path, MailboxRole role) {
        List<String> levels = MailboxNames.split(path);
        setup.ensure(account);
        MailboxId id = transactions.write(account, (tx, recorder) -> {
            MailboxTree tree = MailboxTree.read(tx);
            if (tree.byLevels(levels).isPresent()) {
                throw new MailException(ErrorReason.ALREADY_EXISTS, "mailbox exists: " + path);
            }
            requireRoleFree(tree, role, null);
            return createPath(tx, recorder, tree, levels, role);
        });
        return get(account, id).orElseThrow();
    }

    @Override
    public Mailbox createChild(AccountId account, MailboxId parent, String name, MailboxRole role) {
        String level = MailboxNames.validateLevel(name);
        setup.ensure(account);
        MailboxId id = transactions.write(account, (tx, recorder) -> {
            MailboxTree tree = MailboxTree.read(tx);
            if (parent != null && tree.get(parent).isEmpty()) {
                throw notFound(parent);
            }
            if (parent == null && MailboxNames.isInbox(level)) {
                throw new MailException(ErrorReason.ALREADY_EXISTS, "INBOX exists");
            }
            requireNameFree(tree, parent, level, null);
            requireRoleFree(tree, role, null);
            return insert(tx, recorder, parent, level, role);
        });
        return get(account, id).orElseThrow();
    }

    /** Creates the missing levels of a path; the last one gets {@code role}. Returns the last mailbox's id. */
    private MailboxId createPath(
            MetadataTransaction tx, ChangeRecorder recorder, MailboxTree tree, List<String> levels, MailboxRole role) {
        return ensurePath(tx, recorder, tree, levels, role, null);
    }

    /**
     * Finds or creates each level of {@code levels}; a created last level gets {@code role}. Refuses a path through
     * {@code movedMailbox} (null for none), since a mailbox cannot move below itself.
     */
    private MailboxId ensurePath(
            MetadataTransaction tx,
            ChangeRecorder recorder,
            MailboxTree tree,
            List<String> levels,
            MailboxRole role,
            MailboxId movedMailbox) {
        MailboxId parent = null;
        for (int i = 0; i < levels.size(); i++) {
            Optional<MailboxRecord> existing = tree.byLevels(levels.subList(0, i + 1));
            if (existing.isEmpty()) {
                parent = insert(tx, recorder, parent, levels.get(i), i == levels.size() - 1 ? role : null);
            } else if (movedMailbox != null
                    && tree.isSelfOrDescendant(existing.get().id(), movedMailbox)) {
                throw new MailException(ErrorReason.CANNOT, "a mailbox cannot move below itself");
            } else {
                parent = existing.get().id();
            }
        }
        return parent;
    }

    private MailboxId insert(
            MetadataTransaction tx, ChangeRecorder recorder, MailboxId parent, String name, MailboxRole role) {
        long uidValidity = tx.allocateUidValidity(context.clock().instant().getEpochSecond() & 0xFFFF_FFFFL);
        MailboxRecord record =
                new MailboxRecord(context.ids().newMailboxId(), parent, name, role, uidValidity, false, 0);
        tx.insertMailbox(record);
        recorder.mailbox(record.id(), ChangeKind.CREATED);
        return record.id();
    }

    @Override
    public Mailbox rename(AccountId account, MailboxId mailbox, String newPath) {
        List<String> levels = MailboxNames.split(newPath);
        setup.ensure(account);
        MailboxId result = transactions.write(account, (tx, recorder) -> {
            MailboxTree tree = MailboxTree.read(tx);
            MailboxRecord record = tree.get(mailbox).orElseThrow(() -> notFound(mailbox));
            if (tree.byLevels(levels).isPresent()) {
                throw new MailException(ErrorReason.ALREADY_EXISTS, "mailbox exists: " + newPath);
            }
            if (record.role() == MailboxRole.INBOX) {
                return renameInbox(account, tx, recorder, tree, record, levels);
            }
            if (levels.size() == 1 && levels.get(0).equals(Mailbox.INBOX)) {
                throw new MailException(ErrorReason.ALREADY_EXISTS, "INBOX exists");
            }
            MailboxId parent = levels.size() == 1
                    ? null
                    : ensurePath(tx, recorder, tree, levels.subList(0, levels.size() - 1), null, mailbox);
            MailboxRecord renamed = new MailboxRecord(
                    record.id(),
                    parent,
                    levels.get(levels.size() - 1),
                    record.role(),
                    record.uidValidity(),
                    record.subscribed(),
                    record.sortOrder());
            tx.updateMailbox(renamed);
            recorder.mailbox(record.id(), ChangeKind.UPDATED);
            return record.id();
        });
        return get(account, result).orElseThrow();
    }

    /** RFC 9051 §6.3.6: renaming INBOX moves its messages to a new mailbox and leaves INBOX, now empty, in place. */
    private MailboxId renameInbox(
            AccountId account,
            MetadataTransaction tx,
            ChangeRecorder recorder,
            MailboxTree tree,
            MailboxRecord inbox,
            List<String> levels) {
        MailboxId target = createPath(tx, recorder, tree, levels, null);
        mover.moveAll(account, tx, recorder, inbox.id(), target);
        return target;
    }

    @Override
    public Mailbox update(AccountId account, MailboxId mailbox, MailboxUpdate update) {
        setup.ensure(account);
        transactions.write(account, (tx, recorder) -> {
            MailboxTree tree = MailboxTree.read(tx);
            MailboxRecord record = tree.get(mailbox).orElseThrow(() -> notFound(mailbox));
            String name = update.name().map(MailboxNames::validateLevel).orElse(record.name());
            MailboxId parent =
                    update.parentId().isPresent() ? update.parentId().get().orElse(null) : record.parentId();
            MailboxRole role = update.role().isPresent() ? update.role().get().orElse(null) : record.role();
            if (record.role() == MailboxRole.INBOX
                    && (role != MailboxRole.INBOX || parent != null || !name.equals(record.name()))) {
                throw new MailException(ErrorReason.CANNOT, "INBOX cannot be renamed, moved or lose its role");
            }
            if (role == MailboxRole.INBOX && record.role() != MailboxRole.INBOX) {
                throw new MailException(ErrorReason.CANNOT, "only INBOX has the inbox role");
            }
            if (parent != null) {
                if (tree.get(parent).isEmpty()) {
                    throw notFound(parent);
                }
                if (tree.isSelfOrDescendant(parent, mailbox)) {
                    throw new MailException(ErrorReason.CANNOT, "a mailbox cannot move below itself");
                }
            }
            if (parent == null && MailboxNames.isInbox(name) && record.role() != MailboxRole.INBOX) {
                throw new MailException(ErrorReason.ALREADY_EXISTS, "INBOX exists");
            }
            requireNameFree(tree, parent, name, mailbox);
            requireRoleFree(tree, role, mailbox);
            MailboxRecord changed = new MailboxRecord(
                    record.id(),
                    parent,
                    name,
                    role,
                    record.uidValidity(),
                    update.subscribed().orElse(record.subscribed()),
                    update.sortOrder().orElse(record.sortOrder()));
            if (!changed.equals(record)) {
                tx.updateMailbox(changed);
                recorder.mailbox(mailbox, ChangeKind.UPDATED);
            }
            return null;
        });
        return get(account, mailbox).orElseThrow();
    }

    @Override
    public void delete(AccountId account, MailboxId mailbox, boolean removeEmails) {
        setup.ensure(account);
        transactions.write(account, (tx, recorder) -> {
            MailboxTree tree = MailboxTree.read(tx);
            MailboxRecord record = tree.get(mailbox).orElseThrow(() -> notFound(mailbox));
            if (record.role() == MailboxRole.INBOX) {
                throw new MailException(ErrorReason.CANNOT, "INBOX cannot be deleted");
            }
            if (!tree.children(mailbox).isEmpty()) {
                throw new MailException(ErrorReason.HAS_CHILDREN, "mailbox has child mailboxes");
            }
            List<MessageRecord> messages = tx.messages(mailbox, UidSet.all(), 0);
            if (!messages.isEmpty() && !removeEmails) {
                throw new MailException(ErrorReason.MAILBOX_NOT_EMPTY, "mailbox holds messages");
            }
            for (MessageRecord message : messages) {
                remover.remove(account, tx, recorder, message);
            }
            tx.deleteMailbox(mailbox);
            recorder.mailbox(mailbox, ChangeKind.DESTROYED);
            return null;
        });
    }

    @Override
    public void setSubscribed(AccountId account, MailboxId mailbox, boolean subscribed) {
        update(account, mailbox, MailboxUpdate.NONE.withSubscribed(subscribed));
    }

    private static void requireNameFree(MailboxTree tree, MailboxId parent, String name, MailboxId self) {
        for (MailboxRecord sibling : tree.children(parent)) {
            if (sibling.name().equals(name) && !sibling.id().equals(self)) {
                throw new MailException(ErrorReason.ALREADY_EXISTS, "a mailbox of that name exists there");
            }
        }
    }

    private static void requireRoleFree(MailboxTree tree, MailboxRole role, MailboxId self) {
        if (role == null) {
            return;
        }
        if (role == MailboxRole.INBOX && self == null) {
            throw new MailException(ErrorReason.ALREADY_EXISTS, "the account has an INBOX");
        }
        tree.withRole(role).filter(r -> !r.id().equals(self)).ifPresent(r -> {
            throw new MailException(ErrorReason.ALREADY_EXISTS, "another mailbox has the role " + role.jmapName());
        });
    }

    static MailboxState state(MetadataReader r, MailboxId id) {
        return r.mailboxState(id).orElse(new MailboxState(1, 0));
    }

    static MailException notFound(MailboxId mailbox) {
        return new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox: " + mailbox);
    }
}
