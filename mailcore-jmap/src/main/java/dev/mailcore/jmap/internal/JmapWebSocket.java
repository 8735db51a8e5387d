/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.Subscription;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JMAP WebSocket connection (RFC 8887): Request objects are answered with Response or RequestError objects, and
 * WebSocketPushEnable / WebSocketPushDisable turn StateChange pushes on and off.
 *
 * <p>Messages are handled one after the other on a virtual thread of the connection, which is also the only thread
 * that sends: answers go out in the order the requests came, and pushes never interleave with them. Public only
 * because Jetty looks the listener methods up reflectively.
 */
public final class JmapWebSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(JmapWebSocket.class);

    /** A push connection is quiet for long stretches; clients that want it open longer send pings. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final Account account;
    private final String baseUrl;
    private final MailStore store;
    private final Endpoints endpoints;
    private final long maxSizeRequest;
    private final PushMessages messages;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("jmap-websocket").factory());

    // Touched on the serial thread only.
    private Session session;
    private Subscription push;
    private Set<String> pushTypes = Set.of();

    /** @param baseUrl the base URL of the session resource the client uses, whose state responses carry */
    JmapWebSocket(
            Account account,
            String baseUrl,
            MailStore store,
            Endpoints endpoints,
            long maxSizeRequest,
            PushMessages messages) {
        this.account = account;
        this.baseUrl = baseUrl;
        this.store = store;
        this.endpoints = endpoints;
        this.maxSizeRequest = maxSizeRequest;
        this.messages = messages;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        session.setMaxTextMessageSize(maxSizeRequest);
        session.setIdleTimeout(IDLE_TIMEOUT);
        run(() -> this.session = session);
    }

    @Override
    public void onWebSocketText(String message) {
        run(() -> receive(message));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        run(() -> send(requestError(null, RequestError.notRequest("JMAP messages are text frames"))));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        run(this::disablePush);
        serial.shutdown();
    }

    private void run(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException e) {
            // The connection has closed: a late push or frame has nobody to go to.
        }
    }

    private void receive(String text) {
        try {
            JsonNode message;
            try {
                message = Json.MAPPER.readTree(text);
            } catch (JacksonException e) {
                send(requestError(null, RequestError.notJson("the message is not valid JSON")));
                return;
            }
            if (message == null || !message.isObject()) {
                send(requestError(null, RequestError.notRequest("a message is a JSON object with an @type")));
                return;
            }
            JsonNode idNode = message.get("id");
            String id = idNode != null && idNode.isString() ? idNode.stringValue() : null;
            JsonNode type = message.get("@type");
            switch (type != null && type.isString() ? type.stringValue() : "") {
                case "Request" -> request(id, message);
                case "WebSocketPushEnable" -> enablePush(id, message);
                case "WebSocketPushDisable" -> disablePush();
                default ->
                    send(requestError(
                            id,
                            RequestError.notRequest("@type is Request, WebSocketPushEnable or WebSocketPushDisable")));
            }
        } catch (RuntimeException e) {
            LOG.warn("a JMAP WebSocket message failed", e);
            session.close(StatusCode.SERVER_ERROR, "server error", Callback.NOOP);
        }
    }

    private void request(String id, JsonNode message) {
        ObjectNode reply = Json.object().put("@type", "Response");
        if (id != null) {
            reply.put("requestId", id);
        }
        try {
            reply.setAll(endpoints.execute(account, baseUrl, message));
        } catch (RequestError.Failure e) {
            reply = requestError(id, e.error());
        }
        send(reply);
    }

    private void enablePush(String id, JsonNode message) {
        JsonNode dataTypes = message.get("dataTypes");
        JsonNode pushState = message.get("pushState");
        boolean typesOk = dataTypes == null || dataTypes.isNull() || dataTypes.isArray();
        if (!typesOk || (pushState != null && !pushState.isNull() && !pushState.isString())) {
            send(requestError(id, RequestError.notRequest("dataTypes is an array or null, pushState a string")));
            return;
        }
        Set<String> types = new HashSet<>();
        if (dataTypes != null && dataTypes.isArray()) {
            dataTypes.forEach(t -> types.add(t.asString()));
            if (types.isEmpty()) {
                // No types at all: nothing to push.
                disablePush();
                return;
            }
        }
        disablePush();
        pushTypes = Set.copyOf(types);
        push = store.subscribe(account.id(), change -> run(() -> pushChange(change)));
        if (pushState != null && pushState.isString()) {
            // Changes since the client's last pushState: the current state of every type, when it moved since.
            long now = store.changes().highestModSeq(account.id());
            if (!pushState.stringValue().equals(Long.toString(now))) {
                pushChange(new AccountChanged(account.id(), now, Set.of(), true, true));
            }
        }
    }

    private void disablePush() {
        if (push != null) {
            push.close();
            push = null;
        }
    }

    private void pushChange(AccountChanged change) {
        if (push == null) {
            return;
        }
        messages.of(change, pushTypes).ifPresent(this::send);
    }

    private static ObjectNode requestError(String id, RequestError error) {
        ObjectNode node = Json.object().put("@type", "RequestError");
        if (id != null) {
            node.put("requestId", id);
        } else {
            node.putNull("requestId");
        }
        node.setAll(error.toNode());
        return node;
    }

    private void send(ObjectNode message) {
        send(message.toString());
    }

    private void send(String message) {
        if (session == null || !session.isOpen()) {
            return;
        }
        Callback.Completable sent = new Callback.Completable();
        session.sendText(message, sent);
        try {
            sent.get();
        } catch (ExecutionException e) {
            // The peer went away mid-write; the close callback cleans up.
            LOG.debug("a JMAP WebSocket send failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
