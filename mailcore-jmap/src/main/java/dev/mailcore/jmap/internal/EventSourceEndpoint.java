/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Push over EventSource (RFC 8620 §7.3): a {@code state} event with a StateChange whenever the account changes,
 * and {@code ping} events at the interval the client asked for.
 *
 * <p>A stream holds no thread: {@link #handle} commits the response, registers the stream with its account's
 * {@link AccountFeed} and returns; the request's callback completes when the stream ends. Pings and keep-alive
 * comments run on the server's scheduler.
 */
public final class EventSourceEndpoint {
    private static final List<String> TYPES = List.of("Mailbox", "Email", "Thread");
    private static final int MIN_PING_SECONDS = 1;
    private static final int MAX_PING_SECONDS = 300;

    /** How long a stream without pings waits before it writes a comment, to notice a client that went away. */
    static final long KEEPALIVE_SECONDS = 300;

    private final MailStore store;
    private final ConcurrentHashMap<AccountId, AccountFeed> feeds = new ConcurrentHashMap<>();

    public EventSourceEndpoint(MailStore store) {
        this.store = store;
    }

    /** Ends every open stream; called when the handler stops. */
    public void stop() {
        feeds.values().forEach(feed -> feed.streams().forEach(EventStream::end));
    }

    /** How many streams are open, over all accounts. */
    public int openStreams() {
        return feeds.values().stream().mapToInt(AccountFeed::size).sum();
    }

    public void handle(Account account, Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        Set<String> types = types(query.getValue("types"));
        boolean closeAfterState = "state".equals(query.getValue("closeafter"));
        long ping = ping(query.getValue("ping"));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        AccountId id = account.id();
        EventStream stream = new EventStream(
                quoted(id.value()), types, closeAfterState, response, callback, ended -> release(id, ended));
        // A quiet stream is the normal case: the idle timeout ends it only when a write stalls, which Jetty fails.
        request.addIdleTimeoutListener(timeout -> false);
        request.addFailureListener(stream::abort);
        feeds.compute(id, (key, feed) -> {
            AccountFeed joined = feed;
            if (joined == null) {
                joined = new AccountFeed(id.value(), request.getComponents().getExecutor());
                joined.subscribed(store.subscribe(id, joined));
            }
            joined.add(stream);
            return joined;
        });
        stream.open(request.getComponents().getScheduler(), ping);
    }

    private void release(AccountId id, EventStream stream) {
        feeds.computeIfPresent(id, (key, feed) -> feed.remove(stream) ? null : feed);
    }

    /** An account id as a JSON string, quotes included: the key of its StateChange entry. */
    static String quoted(String accountId) {
        return Json.MAPPER.writeValueAsString(accountId);
    }

    /**
     * The StateChange of a change of the account as JSON text, for {@code types} (empty stands for every type), with
     * {@code pushState} when asked; null when the change touches none of the types. Written out rather than through a
     * JSON tree: it runs once per change, before the first stream hears of it, and mostly before the JIT has warmed
     * to it.
     */
    static String stateChange(String quotedAccountId, AccountChanged change, Set<String> types, boolean pushState) {
        String state = Long.toString(change.modSeq());
        StringBuilder json = new StringBuilder(96)
                .append("{\"@type\":\"StateChange\",\"changed\":{")
                .append(quotedAccountId)
                .append(":{");
        boolean any = false;
        for (String type : TYPES) {
            boolean changed = type.equals("Mailbox") ? change.mailboxesChanged() : change.emailsChanged();
            if (changed && (types.isEmpty() || types.contains(type))) {
                json.append(any ? ",\"" : "\"")
                        .append(type)
                        .append("\":\"")
                        .append(state)
                        .append('"');
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        json.append("}}");
        if (pushState) {
            json.append(",\"pushState\":\"").append(state).append('"');
        }
        return json.append('}').toString();
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
}
