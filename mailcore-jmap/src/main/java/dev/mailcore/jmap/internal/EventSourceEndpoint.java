/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.databind.node.ObjectNode;

/**
 * Push over EventSource (RFC 8620 §7.3): a {@code state} event with a StateChange whenever the account changes,
 * and {@code ping} events at the interval the client asked for.
 */
public final class EventSourceEndpoint {
    private static final List<String> TYPES = List.of("Mailbox", "Email", "Thread");
    private static final int MIN_PING_SECONDS = 1;
    private static final int MAX_PING_SECONDS = 300;

    /** How long a stream without pings waits before it writes a comment, to notice a client that went away. */
    private static final long KEEPALIVE_SECONDS = 300;

    /** Put on a stream's queue to end it when the handler stops. */
    private static final AccountChanged STOP =
            new AccountChanged(dev.mailcore.api.AccountId.of("stop"), 0, Set.of(), false, false);

    private final MailStore store;
    private final Set<BlockingQueue<AccountChanged>> open = ConcurrentHashMap.newKeySet();

    public EventSourceEndpoint(MailStore store) {
        this.store = store;
    }

    /** Ends every open stream; called when the handler stops. */
    public void stop() {
        open.forEach(queue -> queue.add(STOP));
    }

    public void handle(Account account, Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        Set<String> types = types(query.getValue("types"));
        boolean closeAfterState = "state".equals(query.getValue("closeafter"));
        long ping = ping(query.getValue("ping"));
        BlockingQueue<AccountChanged> changes = new LinkedBlockingQueue<>();
        open.add(changes);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        try (Subscription subscription = store.subscribe(account.id(), changes::add);
                OutputStream out = Content.Sink.asOutputStream(response)) {
            // An empty comment commits the response, so the client knows the stream is open.
            write(out, ": open\n\n");
            while (true) {
                AccountChanged change = changes.poll(ping > 0 ? ping : KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (change == STOP) {
                    break;
                }
                if (change == null) {
                    write(out, ping > 0 ? "event: ping\ndata: {\"interval\":" + ping + "}\n\n" : ":\n\n");
                    continue;
                }
                write(out, "event: state\ndata: " + stateChange(account, change, types) + "\n\n");
                if (closeAfterState) {
                    break;
                }
            }
            callback.succeeded();
        } catch (IOException e) {
            // The client went away: nothing left to answer.
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } finally {
            open.remove(changes);
        }
    }

    /** The StateChange object for a change of the account; {@code types} empty stands for every type. */
    static ObjectNode stateChange(Account account, AccountChanged change, Set<String> types) {
        ObjectNode states = Json.object();
        String state = Long.toString(change.modSeq());
        for (String type : TYPES) {
            boolean changed = type.equals("Mailbox") ? change.mailboxesChanged() : change.emailsChanged();
            if (changed && (types.isEmpty() || types.contains(type))) {
                states.put(type, state);
            }
        }
        ObjectNode event = Json.object().put("@type", "StateChange");
        event.putObject("changed").set(account.id().value(), states);
        return event;
    }

    private static Set<String> types(String value) {
        if (value == null || value.isBlank() || value.equals("*")) {
            return Set.of();
        }
        return Set.of(value.split(","));
    }

    private static long ping(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long seconds = Long.parseLong(value);
            return seconds <= 0 ? 0 : Math.clamp(seconds, MIN_PING_SECONDS, MAX_PING_SECONDS);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
