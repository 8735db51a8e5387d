/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.MailStore;
import dev.mailcore.jmap.JmapLimits;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The upgrade to JMAP over WebSocket (RFC 8887) of an authenticated request: the client must offer the {@code jmap}
 * subprotocol, and the connection then belongs to the authenticated account.
 */
public final class WebSocketEndpoint {
    public static final String SUBPROTOCOL = "jmap";

    private final MailStore store;
    private final Endpoints endpoints;
    private final JmapLimits limits;
    private final PushMessages messages = new PushMessages();
    private volatile ServerWebSocketContainer container;

    public WebSocketEndpoint(MailStore store, Endpoints endpoints, JmapLimits limits) {
        this.store = store;
        this.endpoints = endpoints;
        this.limits = limits;
    }

    /** Finds or creates the server's WebSocket container; called when the handler joins a server. */
    public void attach(Server server) {
        container = ServerWebSocketContainer.ensure(server);
    }

    /** @param baseUrl the base URL of the session resource the client uses, whose state responses carry */
    public void upgrade(Account account, String baseUrl, Request request, Response response, Callback callback) {
        ServerWebSocketContainer webSockets = container;
        boolean upgraded = webSockets != null
                && webSockets.upgrade(
                        (upgradeRequest, upgradeResponse, upgradeCallback) -> {
                            if (!upgradeRequest.hasSubProtocol(SUBPROTOCOL)) {
                                HttpReplies.problem(
                                        upgradeResponse, upgradeCallback, 400, "offer the jmap WebSocket subprotocol");
                                return null;
                            }
                            upgradeResponse.setAcceptedSubProtocol(SUBPROTOCOL);
                            return new JmapWebSocket(
                                    account, baseUrl, store, endpoints, limits.maxSizeRequest(), messages);
                        },
                        request,
                        response,
                        callback);
        if (!upgraded) {
            response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
            HttpReplies.problem(response, callback, 426, "this URL speaks JMAP over WebSocket only");
        }
    }
}
