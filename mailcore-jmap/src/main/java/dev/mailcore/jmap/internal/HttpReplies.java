/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the small complete responses of the JMAP endpoints. */
public final class HttpReplies {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    // Encoded once rather than on every response.
    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, JSON);
    private static final HttpField PROBLEM_JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
    private static final HttpField NO_STORE =
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache, no-store, must-revalidate");

    private HttpReplies() {}

    public static void json(Response response, Callback callback, int status, String body) {
        send(response, callback, status, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body} is only read, so one array may answer any number of requests at once. */
    public static void json(Response response, Callback callback, int status, byte[] body) {
        send(response, callback, status, JSON_TYPE, body);
    }

    public static void problem(Response response, Callback callback, RequestError error) {
        send(
                response,
                callback,
                error.status(),
                PROBLEM_JSON_TYPE,
                error.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** A problem that is not one of the JMAP request-level types, such as a missing blob. */
    public static void problem(Response response, Callback callback, int status, String detail) {
        String body = Json.object()
                .put("type", "about:blank")
                .put("status", status)
                .put("detail", detail)
                .toString();
        send(response, callback, status, PROBLEM_JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
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

    private static void send(Response response, Callback callback, int status, HttpField type, byte[] body) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(type);
        headers.put(NO_STORE);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        // A buffer of its own for each write, since writing moves its position; the array is only read.
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
