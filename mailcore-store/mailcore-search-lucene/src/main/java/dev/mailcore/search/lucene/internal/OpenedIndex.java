/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;

/**
 * An index ready for use, and how it came to be.
 *
 * @param directory where the index lives; closed by whoever closes the writer
 * @param writer the one writer of the index
 * @param outcome whether an existing index was opened, a new one created, or an unusable one replaced
 */
public record OpenedIndex(Directory directory, IndexWriter writer, Outcome outcome) {
    /** How an index was opened. */
    public enum Outcome {
        /** An existing, readable index of the same layout. */
        OPENED,
        /**
         * An existing index that was not closed (a crash): usable, but changes after its last commit may be
         * missing.
         */
        UNCLEAN,
        /** There was no index: a new, empty one. */
        CREATED,
        /** The index was corrupt, unreadable, or of another layout: moved aside, a new, empty one in its place. */
        REBUILT
    }
}
