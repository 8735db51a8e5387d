/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

/**
 * A part a mail client would show as an attachment.
 *
 * @param section the IMAP part specifier (see {@link BodyPart#section()})
 * @param fileName decoded file name, or null
 * @param mediaType lowercase {@code type/subtype}
 * @param size encoded size of the part body in octets
 */
public record Attachment(String section, String fileName, String mediaType, long size) {}
