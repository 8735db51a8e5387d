/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * The outcome of a copy or move: source and destination UIDs in matching order, for IMAP COPYUID (RFC 4315).
 *
 * @param sourceUids the UIDs copied, ascending
 * @param destinationUids the new UIDs, position for position
 * @param expunged for a move: the source UIDs removed from the source mailbox; empty for a copy
 */
public record CopyResult(long uidValidity, UidSet sourceUids, long[] destinationUids, UidSet expunged, long modSeq) {
    /** The destination UIDs as a set. */
    public UidSet destinationSet() {
        return UidSet.of(destinationUids);
    }
}
