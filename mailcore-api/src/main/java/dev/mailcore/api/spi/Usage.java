/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

/** An account's stored octets and emails. */
public record Usage(long bytes, long messages) {}
