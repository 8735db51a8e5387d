/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

/** A MIME header parameter as it stands in the message: lowercase name, unquoted value. */
public record Parameter(String name, String value) {}
