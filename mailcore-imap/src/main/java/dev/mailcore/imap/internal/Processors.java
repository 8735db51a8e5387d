/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.imap.internal.processor.AppendProcessor;
import dev.mailcore.imap.internal.processor.AuthenticateProcessor;
import dev.mailcore.imap.internal.processor.CapabilityProcessor;
import dev.mailcore.imap.internal.processor.CheckProcessor;
import dev.mailcore.imap.internal.processor.CloseProcessor;
import dev.mailcore.imap.internal.processor.CompressProcessor;
import dev.mailcore.imap.internal.processor.CopyProcessor;
import dev.mailcore.imap.internal.processor.CreateProcessor;
import dev.mailcore.imap.internal.processor.DeleteProcessor;
import dev.mailcore.imap.internal.processor.EnableProcessor;
import dev.mailcore.imap.internal.processor.ExpungeProcessor;
import dev.mailcore.imap.internal.processor.FetchProcessor;
import dev.mailcore.imap.internal.processor.IdProcessor;
import dev.mailcore.imap.internal.processor.IdleProcessor;
import dev.mailcore.imap.internal.processor.ListProcessor;
import dev.mailcore.imap.internal.processor.LoginProcessor;
import dev.mailcore.imap.internal.processor.LogoutProcessor;
import dev.mailcore.imap.internal.processor.NamespaceProcessor;
import dev.mailcore.imap.internal.processor.NoopProcessor;
import dev.mailcore.imap.internal.processor.QuotaProcessor;
import dev.mailcore.imap.internal.processor.RenameProcessor;
import dev.mailcore.imap.internal.processor.SearchProcessor;
import dev.mailcore.imap.internal.processor.SelectProcessor;
import dev.mailcore.imap.internal.processor.SortProcessor;
import dev.mailcore.imap.internal.processor.StartTlsProcessor;
import dev.mailcore.imap.internal.processor.StatusProcessor;
import dev.mailcore.imap.internal.processor.StoreProcessor;
import dev.mailcore.imap.internal.processor.SubscribeProcessor;
import dev.mailcore.imap.internal.processor.ThreadProcessor;
import dev.mailcore.imap.internal.processor.UnauthenticateProcessor;
import dev.mailcore.imap.internal.processor.UnselectProcessor;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The processor of every command, and the CAPABILITY list they make together. */
public final class Processors {
    private final List<Processor<?>> all;
    private final Map<Class<?>, Processor<?>> byType = new HashMap<>();

    private Processors(List<Processor<?>> all) {
        this.all = List.copyOf(all);
        for (Processor<?> processor : all) {
            if (byType.put(processor.type(), processor) != null) {
                throw new IllegalStateException(
                        "two processors for " + processor.type().getSimpleName());
            }
        }
    }

    /** All commands this server implements. */
    public static Processors standard() {
        return new Processors(List.of(
                new CapabilityProcessor(),
                new NoopProcessor(),
                new LogoutProcessor(),
                new StartTlsProcessor(),
                new LoginProcessor(),
                new AuthenticateProcessor(),
                new EnableProcessor(),
                new IdProcessor(),
                new NamespaceProcessor(),
                new SelectProcessor(),
                new CreateProcessor(),
                new DeleteProcessor(),
                new RenameProcessor(),
                new SubscribeProcessor(),
                new ListProcessor(),
                new StatusProcessor(),
                new AppendProcessor(),
                new CheckProcessor(),
                new CloseProcessor(),
                new UnselectProcessor(),
                new ExpungeProcessor(),
                new FetchProcessor(),
                new StoreProcessor(),
                new CopyProcessor(),
                new SearchProcessor(),
                new SortProcessor(),
                new ThreadProcessor(),
                new CompressProcessor(),
                new QuotaProcessor(),
                new UnauthenticateProcessor(),
                new IdleProcessor()));
    }

    @SuppressWarnings("unchecked") // byType maps each command class to the processor of that class.
    <C extends Command> Processor<C> forCommand(C command) {
        Processor<?> processor = byType.get(command.getClass());
        if (processor == null) {
            throw new IllegalStateException(
                    "no processor for " + command.getClass().getSimpleName());
        }
        return (Processor<C>) processor;
    }

    /** The capabilities in the session's current situation, in a stable order, without duplicates. */
    List<String> capabilities(ImapSession session) {
        Set<String> capabilities = new LinkedHashSet<>();
        for (Processor<?> processor : all) {
            capabilities.addAll(processor.capabilities(session));
        }
        return List.copyOf(capabilities);
    }
}
