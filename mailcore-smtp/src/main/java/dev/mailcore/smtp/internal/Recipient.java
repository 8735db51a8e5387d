/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.AccountId;

/** An accepted recipient: the address as the client gave it and the account it resolved to. */
public record Recipient(String address, AccountId account) {}
