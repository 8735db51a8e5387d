/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

/** The capability URIs this server knows. */
public final class Capabilities {
    public static final String CORE = "urn:ietf:params:jmap:core";
    public static final String MAIL = "urn:ietf:params:jmap:mail";
    public static final String SUBMISSION = "urn:ietf:params:jmap:submission";
    public static final String VACATION = "urn:ietf:params:jmap:vacationresponse";
    public static final String QUOTA = "urn:ietf:params:jmap:quota";
    public static final String WEBSOCKET = "urn:ietf:params:jmap:websocket";
    public static final String BLOB = "urn:ietf:params:jmap:blob";

    private Capabilities() {}
}
