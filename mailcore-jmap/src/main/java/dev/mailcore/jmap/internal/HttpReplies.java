/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the small complete responses of the JMAP endpoints. */
public final class HttpReplies {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    private HttpReplies() {}

    public static void json(Response response, Callback callback, int status, String body) {
        send(response, callback, status, JSON, body);
    }

    public static void problem(Response response, Callback callback, RequestError error) {
        send(response, callback, error.status(), PROBLEM_JSON, error.toJson());
    }

    /** A problem that is not one of the JMAP request-level types, such as a missing blob. */
    public static void problem(Response response, Callback callback, int status, String detail) {
        String body = Json.object()
                .put("type", "about:blank")
                .put("status", status)
                .put("detail", detail)
                .toString();
        send(response, callback, status, PROBLEM_JSON, body);
    }

    /**
     * A 401 with a challenge for each scheme the server takes.
     *
     * @param bearer whether bearer tokens are taken too
     * @param invalidToken whether the request presented a bearer token that was refused (RFC 6750 §3.1)
     */
    public static void unauthorized(Response response, Callback callback, boolean bearer, boolean invalidToken) {
        response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"jmap\", charset=\"UTF-8\"");
        if (bearer) {
            response.getHeaders()
                    .add(
                            HttpHeader.WWW_AUTHENTICATE,
                            invalidToken ? "Bearer realm=\"jmap\", error=\"invalid_token\"" : "Bearer realm=\"jmap\"");
        }
        problem(response, callback, 401, "authentication required");
    }

    private static void send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store, must-revalidate");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
