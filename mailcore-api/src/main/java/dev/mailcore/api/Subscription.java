/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** A registration that ends when closed. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
