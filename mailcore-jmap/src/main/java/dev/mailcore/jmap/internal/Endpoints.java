/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.BlobId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailStore;
import dev.mailcore.jmap.JmapLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP endpoints of RFC 8620: session resource, API, upload and download. */
public final class Endpoints {
    private final MailStore store;
    private final JmapLimits limits;
    private final Uploads uploads;
    private final ApiProcessor processor;
    private final BlobReader blobs;
    private final AccountGate requests;
    private final AccountGate uploadGate;
    private final SessionDocuments sessions;

    public Endpoints(MailStore store, JmapLimits limits, Uploads uploads, ApiProcessor processor) {
        this.store = store;
        this.limits = limits;
        this.uploads = uploads;
        this.processor = processor;
        this.blobs = new BlobReader(store, uploads);
        this.requests = new AccountGate(limits.maxConcurrentRequests());
        this.uploadGate = new AccountGate(limits.maxConcurrentUpload());
        this.sessions = new SessionDocuments(limits);
    }

    public void session(Account account, String baseUrl, Response response, Callback callback) {
        HttpReplies.json(response, callback, 200, sessions.get(account, baseUrl).json());
    }

    /** @param baseUrl the base URL of the session resource the client uses, whose state API responses carry */
    public void api(Account account, String baseUrl, Request request, Response response, Callback callback)
            throws IOException {
        byte[] body = readAtMost(request, limits.maxSizeRequest());
        if (body == null) {
            HttpReplies.problem(
                    response,
                    callback,
                    RequestError.limit("maxSizeRequest", "the request is larger than " + limits.maxSizeRequest()));
            return;
        }
        try {
            HttpReplies.json(
                    response,
                    callback,
                    200,
                    execute(account, baseUrl, Json.parseRequest(body)).toString());
        } catch (RequestError.Failure e) {
            HttpReplies.problem(response, callback, e.error());
        }
    }

    /**
     * Runs one API request of the account, for the HTTP endpoint and the WebSocket alike.
     *
     * @param baseUrl the base URL of the session resource the client uses, whose state the response carries
     * @throws RequestError.Failure when the request as a whole is refused, such as over a limit
     */
    public ObjectNode execute(Account account, String baseUrl, JsonNode request) {
        if (!requests.tryEnter(account.id())) {
            throw new RequestError.Failure(
                    RequestError.limit("maxConcurrentRequests", "too many requests at once for this account"));
        }
        try {
            Invocation invocation = new Invocation(account, store, limits, uploads, new HashMap<>());
            return processor.process(
                    request, invocation, sessions.get(account, baseUrl).state());
        } finally {
            requests.leave(account.id());
        }
    }

    public void upload(Account account, String accountId, Request request, Response response, Callback callback)
            throws IOException {
        if (!account.id().value().equals(accountId)) {
            HttpReplies.problem(response, callback, 404, "no such account");
            return;
        }
        if (!uploadGate.tryEnter(account.id())) {
            HttpReplies.problem(
                    response,
                    callback,
                    RequestError.limit("maxConcurrentUpload", "too many uploads at once for this account"));
            return;
        }
        try {
            byte[] body = readAtMost(request, limits.maxSizeUpload());
            if (body == null) {
                HttpReplies.problem(
                        response,
                        callback,
                        RequestError.limit("maxSizeUpload", "the upload is larger than " + limits.maxSizeUpload()));
                return;
            }
            String type = Optional.ofNullable(request.getHeaders().get(HttpHeader.CONTENT_TYPE))
                    .orElse("application/octet-stream");
            BlobId hash = uploads.put(account.id(), body, type);
            ObjectNode reply = Json.object()
                    .put("accountId", accountId)
                    .put("blobId", new BlobRef.UploadRef(hash).jmapId())
                    .put("type", type)
                    .put("size", body.length);
            HttpReplies.json(response, callback, 201, reply.toString());
        } finally {
            uploadGate.leave(account.id());
        }
    }

    /** {@code rest} is {@code accountId/blobId/name} of the download URL. */
    public void download(Account account, String rest, Request request, Response response, Callback callback)
            throws IOException {
        String[] parts = rest.split("/", 3);
        if (parts.length != 3 || !account.id().value().equals(parts[0])) {
            HttpReplies.problem(response, callback, 404, "no such blob");
            return;
        }
        Optional<BlobRef> ref = BlobRef.parse(parts[1]);
        Optional<InputStream> content;
        try {
            content = ref.flatMap(r -> blobs.open(account.id(), r));
        } catch (MailException e) {
            if (e.reason().temporary()) {
                throw e;
            }
            content = Optional.empty();
        }
        if (content.isEmpty()) {
            HttpReplies.problem(response, callback, 404, "no such blob");
            return;
        }
        // Percent-decoding only: a '+' in a path is a plus, not a space.
        String name = URIUtil.decodePath(parts[2]);
        String accept = Request.extractQueryParameters(request).getValue("accept");
        String type = accept == null || accept.isBlank() ? "application/octet-stream" : accept;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, ContentDisposition.attachment(name));
        // Blob ids name immutable content, so a download may be cached for good.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, immutable, max-age=31536000");
        try (InputStream in = content.get();
                OutputStream out = Content.Sink.asOutputStream(response)) {
            in.transferTo(out);
        }
        callback.succeeded();
    }

    /** The whole body, or null when it is longer than {@code max} octets. */
    private static byte[] readAtMost(Request request, long max) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            return body.length > max ? null : body;
        }
    }
}
