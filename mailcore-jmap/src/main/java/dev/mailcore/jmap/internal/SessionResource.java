/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.jmap.JmapLimits;
import dev.mailcore.jmap.internal.blob.BlobMethods;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The session resource (RFC 8620 §2): what the server can do, the user's accounts, and the URLs to use. */
public final class SessionResource {
    private SessionResource() {}

    /**
     * The whole document, with a {@code state} made from everything else in it.
     *
     * @param baseUrl the absolute URL the endpoint paths hang below, without a trailing slash
     */
    public static ObjectNode build(Account account, String baseUrl, JmapLimits limits) {
        ObjectNode session = Json.object();
        ObjectNode capabilities = session.putObject("capabilities");
        capabilities.set(Capabilities.CORE, core(limits));
        capabilities.putObject(Capabilities.MAIL);
        capabilities.putObject(Capabilities.SUBMISSION);
        capabilities.putObject(Capabilities.VACATION);
        capabilities.putObject(Capabilities.QUOTA);
        capabilities.set(Capabilities.WEBSOCKET, webSocket(baseUrl));
        capabilities.putObject(Capabilities.BLOB);
        String id = account.id().value();
        ObjectNode accountNode = session.putObject("accounts").putObject(id);
        accountNode.put("name", account.primaryAddress());
        accountNode.put("isPersonal", true);
        accountNode.put("isReadOnly", false);
        ObjectNode accountCapabilities = accountNode.putObject("accountCapabilities");
        accountCapabilities.set(Capabilities.MAIL, mailAccount());
        ObjectNode submission = accountCapabilities.putObject(Capabilities.SUBMISSION);
        submission.put("maxDelayedSend", 0);
        submission.putObject("submissionExtensions");
        accountCapabilities.putObject(Capabilities.VACATION);
        accountCapabilities.putObject(Capabilities.QUOTA);
        accountCapabilities.set(Capabilities.BLOB, blobAccount(limits));
        ObjectNode primary = session.putObject("primaryAccounts");
        for (String capability : List.of(
                Capabilities.MAIL,
                Capabilities.SUBMISSION,
                Capabilities.VACATION,
                Capabilities.QUOTA,
                Capabilities.BLOB)) {
            primary.put(capability, id);
        }
        session.put("username", account.login());
        session.put("apiUrl", baseUrl + "/api");
        session.put("downloadUrl", baseUrl + "/download/{accountId}/{blobId}/{name}?accept={type}");
        session.put("uploadUrl", baseUrl + "/upload/{accountId}/");
        session.put("eventSourceUrl", baseUrl + "/eventsource?types={types}&closeafter={closeafter}&ping={ping}");
        session.put("state", state(session));
        return session;
    }

    /**
     * RFC 8620 §2: the state changes whenever any other property does, so it is a digest of all of them: accounts,
     * capabilities, limits and URLs alike, and equal documents (after a restart, say) keep their state.
     */
    private static String state(ObjectNode withoutState) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(withoutState));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** RFC 8887 §4.1: the upgrade URL has the WebSocket scheme of the session's own (ws for http, wss for https). */
    private static ObjectNode webSocket(String baseUrl) {
        String scheme = baseUrl.startsWith("https:") ? "wss" : "ws";
        String url = scheme + baseUrl.substring(baseUrl.indexOf("://")) + "/ws";
        return Json.object().put("url", url).put("supportsPush", true);
    }

    /** RFC 9404 §3: Blob/upload makes blobs as large as HTTP uploads. */
    private static ObjectNode blobAccount(JmapLimits limits) {
        ObjectNode blob = Json.object();
        blob.put("maxSizeBlobSet", limits.maxSizeUpload());
        blob.put("maxDataSources", BlobMethods.MAX_DATA_SOURCES);
        blob.set("supportedTypeNames", Json.strings(BlobMethods.TYPE_NAMES));
        blob.set("supportedDigestAlgorithms", Json.strings(BlobMethods.DIGEST_ALGORITHMS));
        return blob;
    }

    private static ObjectNode core(JmapLimits limits) {
        ObjectNode core = Json.object();
        core.put("maxSizeUpload", limits.maxSizeUpload());
        core.put("maxConcurrentUpload", limits.maxConcurrentUpload());
        core.put("maxSizeRequest", limits.maxSizeRequest());
        core.put("maxConcurrentRequests", limits.maxConcurrentRequests());
        core.put("maxCallsInRequest", limits.maxCallsInRequest());
        core.put("maxObjectsInGet", limits.maxObjectsInGet());
        core.put("maxObjectsInSet", limits.maxObjectsInSet());
        core.set("collationAlgorithms", Json.strings(List.of("i;ascii-casemap", "i;unicode-casemap")));
        return core;
    }

    private static ObjectNode mailAccount() {
        ObjectNode mail = Json.object();
        mail.putNull("maxMailboxesPerEmail");
        mail.putNull("maxMailboxDepth");
        mail.put("maxSizeMailboxName", 255);
        mail.put("maxSizeAttachmentsPerEmail", 50_000_000);
        mail.set("emailQuerySortOptions", Json.strings(EmailSorts.PROPERTIES));
        mail.put("mayCreateTopLevelMailbox", true);
        return mail;
    }
}
