/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

/**
 * One entry of an address header (RFC 5322 §3.4): a single mailbox or a named group of mailboxes.
 */
public sealed interface Address permits EmailAddress, AddressGroup {}
