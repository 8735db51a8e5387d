/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * A request-level error (RFC 8620 §3.6.1): the whole request is refused with an RFC 7807 problem document.
 *
 * @param type the problem type URI
 * @param status the HTTP status
 * @param limit the name of the limit that was exceeded, for the {@code limit} type, else null
 */
public record RequestError(String type, int status, String detail, String limit) {
    public static final String UNKNOWN_CAPABILITY = "urn:ietf:params:jmap:error:unknownCapability";
    public static final String NOT_JSON = "urn:ietf:params:jmap:error:notJSON";
    public static final String NOT_REQUEST = "urn:ietf:params:jmap:error:notRequest";
    public static final String LIMIT = "urn:ietf:params:jmap:error:limit";

    public static RequestError notJson(String detail) {
        return new RequestError(NOT_JSON, 400, detail, null);
    }

    public static RequestError notRequest(String detail) {
        return new RequestError(NOT_REQUEST, 400, detail, null);
    }

    public static RequestError unknownCapability(String capability) {
        return new RequestError(UNKNOWN_CAPABILITY, 400, "unknown capability " + capability, null);
    }

    public static RequestError limit(String limit, String detail) {
        return new RequestError(LIMIT, 400, detail, limit);
    }

    /** The problem document. */
    public String toJson() {
        return toNode().toString();
    }

    public ObjectNode toNode() {
        ObjectNode node = Json.object().put("type", type).put("status", status).put("detail", detail);
        if (limit != null) {
            node.put("limit", limit);
        }
        return node;
    }

    /** Thrown where the request is being read, caught where the response is written. */
    public static final class Failure extends RuntimeException {
        private final RequestError error;

        public Failure(RequestError error) {
            super(error.detail());
            this.error = error;
        }

        public RequestError error() {
            return error;
        }
    }
}
