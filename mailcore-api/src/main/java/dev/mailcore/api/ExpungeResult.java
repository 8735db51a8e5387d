/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** The UIDs an expunge removed and the MODSEQ of the change (QRESYNC VANISHED). */
public record ExpungeResult(UidSet expunged, long modSeq) {}
