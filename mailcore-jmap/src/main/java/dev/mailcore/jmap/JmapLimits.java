/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

/**
 * The limits a JMAP server announces in its session resource (RFC 8620 §2, {@code urn:ietf:params:jmap:core}) and
 * enforces.
 *
 * <pre>{@code
 * JmapLimits limits = JmapLimits.DEFAULTS.withMaxCallsInRequest(32);
 * }</pre>
 *
 * @param maxSizeUpload largest upload in octets
 * @param maxConcurrentUpload uploads one account may run at once
 * @param maxSizeRequest largest API request body in octets
 * @param maxConcurrentRequests API requests one account may run at once
 * @param maxCallsInRequest method calls in one API request
 * @param maxObjectsInGet ids one {@code /get} may ask for
 * @param maxObjectsInSet creates, updates and destroys one {@code /set} may hold together
 */
public record JmapLimits(
        long maxSizeUpload,
        int maxConcurrentUpload,
        long maxSizeRequest,
        int maxConcurrentRequests,
        int maxCallsInRequest,
        int maxObjectsInGet,
        int maxObjectsInSet) {

    /** 50 MB uploads, 10 MB requests, 4 concurrent of each, 64 calls, 1000 objects per get and set. */
    public static final JmapLimits DEFAULTS = new JmapLimits(50_000_000, 4, 10_000_000, 4, 64, 1000, 1000);

    public JmapLimits {
        if (maxSizeUpload < 1
                || maxConcurrentUpload < 1
                || maxSizeRequest < 1
                || maxConcurrentRequests < 1
                || maxCallsInRequest < 1
                || maxObjectsInGet < 1
                || maxObjectsInSet < 1) {
            throw new IllegalArgumentException("every JMAP limit must be at least 1");
        }
    }

    public JmapLimits withMaxSizeUpload(long value) {
        return new JmapLimits(
                value,
                maxConcurrentUpload,
                maxSizeRequest,
                maxConcurrentRequests,
                maxCallsInRequest,
                maxObjectsInGet,
                maxObjectsInSet);
    }

    public JmapLimits withMaxSizeRequest(long value) {
        return new JmapLimits(
                maxSizeUpload,
                maxConcurrentUpload,
                value,
                maxConcurrentRequests,
                maxCallsInRequest,
                maxObjectsInGet,
                maxObjectsInSet);
    }

    public JmapLimits withMaxConcurrentRequests(int value) {
        return new JmapLimits(
                maxSizeUpload,
                maxConcurrentUpload,
                maxSizeRequest,
                value,
                maxCallsInRequest,
                maxObjectsInGet,
                maxObjectsInSet);
    }

    public JmapLimits withMaxCallsInRequest(int value) {
        return new JmapLimits(
                maxSizeUpload,
                maxConcurrentUpload,
                maxSizeRequest,
                maxConcurrentRequests,
                value,
                maxObjectsInGet,
                maxObjectsInSet);
    }

    public JmapLimits withMaxObjectsInGet(int value) {
        return new JmapLimits(
                maxSizeUpload,
                maxConcurrentUpload,
                maxSizeRequest,
                maxConcurrentRequests,
                maxCallsInRequest,
                value,
                maxObjectsInSet);
    }

    public JmapLimits withMaxObjectsInSet(int value) {
        return new JmapLimits(
                maxSizeUpload,
                maxConcurrentUpload,
                maxSizeRequest,
                maxConcurrentRequests,
                maxCallsInRequest,
                maxObjectsInGet,
                value);
    }
}
