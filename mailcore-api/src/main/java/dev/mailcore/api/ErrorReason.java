/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * Why an operation failed, in terms every protocol can translate: an IMAP response code (RFC 5530 and the
 * extensions that define codes), an SMTP enhanced status code (RFC 3463) with its class, and a JMAP error type
 * (RFC 8620, RFC 8621).
 *
 * <p>Protocol engines map a {@link MailException} through these accessors instead of keeping their own tables, so
 * one failure reads the same on every protocol.
 */
public enum ErrorReason {
    /** A mailbox named by id or name does not exist. */
    MAILBOX_NOT_FOUND("NONEXISTENT", "5.1.1", false, "notFound"),
    /** An email or message (UID) does not exist, or no longer does. */
    EMAIL_NOT_FOUND("NONEXISTENT", "5.1.1", false, "notFound"),
    /** A blob, account or other object does not exist. */
    NOT_FOUND("NONEXISTENT", "5.1.1", false, "notFound"),
    /** A mailbox with that name (or an object with that identity) exists already. */
    ALREADY_EXISTS("ALREADYEXISTS", "5.2.0", false, "alreadyExists"),
    /** The mailbox has child mailboxes and cannot be deleted. */
    HAS_CHILDREN("HASCHILDREN", "5.2.0", false, "mailboxHasChild"),
    /** The mailbox still holds emails and the caller did not ask to remove them. */
    MAILBOX_NOT_EMPTY("CANNOT", "5.2.0", false, "mailboxHasEmail"),
    /** The account is over its storage or message-count quota. */
    OVER_QUOTA("OVERQUOTA", "5.2.2", false, "overQuota"),
    /** The account is over quota, and the condition may clear (SMTP answers 452 4.2.2). */
    OVER_QUOTA_TEMPORARY("OVERQUOTA", "4.2.2", true, "overQuota"),
    /** The message or request is larger than a configured limit. */
    TOO_LARGE("TOOBIG", "5.3.4", false, "tooLarge"),
    /** A configured limit other than size was reached (recipients, mailboxes, objects per request). */
    LIMIT("LIMIT", "5.5.3", false, "limit"),
    /** An argument is malformed or out of range. */
    INVALID_ARGUMENT("CLIENTBUG", "5.5.4", false, "invalidArguments"),
    /** A mailbox name is not acceptable (empty, contains the hierarchy delimiter, bad encoding, too long). */
    INVALID_NAME("CANNOT", "5.5.4", false, "invalidProperties"),
    /** The message cannot be stored as given (for example, it is empty). */
    INVALID_MESSAGE("PARSE", "5.6.0", false, "invalidEmail"),
    /** The operation is not possible on this object, such as deleting INBOX. */
    CANNOT("CANNOT", "5.5.0", false, "forbidden"),
    /** The authenticated user may not do this. */
    FORBIDDEN("NOPERM", "5.7.1", false, "forbidden"),
    /** The credentials were not accepted. */
    AUTHENTICATION_FAILED("AUTHENTICATIONFAILED", "5.7.8", false, "forbidden"),
    /** Changes since the given state can no longer be computed; the client must resynchronize. */
    CHANGES_UNAVAILABLE("CANNOT", "5.5.0", false, "cannotCalculateChanges"),
    /** Another session holds a resource this operation needs. */
    IN_USE("INUSE", "4.2.0", true, "serverUnavailable"),
    /** A backing service is down or overloaded; retrying later may succeed. */
    UNAVAILABLE("UNAVAILABLE", "4.3.0", true, "serverUnavailable"),
    /** Stored data is inconsistent. */
    CORRUPTION("CORRUPTION", "4.3.0", true, "serverFail"),
    /** A bug on our side. */
    SERVER_BUG("SERVERBUG", "4.3.0", true, "serverFail");

    private final String imapCode;
    private final String smtpEnhancedCode;
    private final boolean temporary;
    private final String jmapType;

    ErrorReason(String imapCode, String smtpEnhancedCode, boolean temporary, String jmapType) {
        this.imapCode = imapCode;
        this.smtpEnhancedCode = smtpEnhancedCode;
        this.temporary = temporary;
        this.jmapType = jmapType;
    }

    /** The IMAP response code, without brackets, for example {@code NONEXISTENT}. */
    public String imapCode() {
        return imapCode;
    }

    /** The SMTP enhanced status code, for example {@code 5.2.2}; its class agrees with {@link #temporary()}. */
    public String smtpEnhancedCode() {
        return smtpEnhancedCode;
    }

    /** Whether the same request may succeed later (SMTP 4yz) rather than never (SMTP 5yz). */
    public boolean temporary() {
        return temporary;
    }

    /** The SMTP basic reply code that goes with the enhanced code. */
    public int smtpReplyCode() {
        return switch (this) {
            case OVER_QUOTA -> 552;
            case OVER_QUOTA_TEMPORARY -> 452;
            case TOO_LARGE -> 552;
            case MAILBOX_NOT_FOUND, EMAIL_NOT_FOUND, NOT_FOUND -> 550;
            case INVALID_ARGUMENT -> 501;
            case FORBIDDEN, AUTHENTICATION_FAILED -> 535;
            default -> temporary ? 451 : 554;
        };
    }

    /** The JMAP error type (a method-level or SetError type), for example {@code overQuota}. */
    public String jmapType() {
        return jmapType;
    }
}
