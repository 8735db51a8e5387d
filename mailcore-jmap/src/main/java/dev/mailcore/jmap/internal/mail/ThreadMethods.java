/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.jmap.internal.JmapMethod;
import java.util.List;

/** The Thread methods of RFC 8621 §3. */
public final class ThreadMethods {
    private ThreadMethods() {}

    public static List<JmapMethod> all() {
        return List.of(new ThreadGet(), new ThreadChanges());
    }
}
