/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header of the PROXY protocol (version 1, text, and version 2, binary) that a load balancer sends before the
 * client's bytes: it names the client's address and port.
 *
 * @param client the client's address, or null when the proxy sent {@code LOCAL} or {@code UNKNOWN} (its own health
 *     check): the connection's own peer address stands
 * @param length the header's length in bytes; the client's bytes start after it
 */
record ProxyHeader(InetSocketAddress client, int length) {
    /** The longest header accepted; version 2 TLVs beyond it are not worth buffering. */
    static final int MAX_LENGTH = 4096;

    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final int V1_MAX_LENGTH = 107;

    /** A header that is not one of the two versions. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Parses the header at the start of {@code bytes}.
     *
     * @return the header, or null when more bytes are needed
     * @throws Invalid when the bytes cannot start a header
     */
    static ProxyHeader parse(byte[] bytes, int available) throws Invalid {
        if (startsWith(bytes, available, V2_SIGNATURE)) {
            return available < 16 ? null : v2(bytes, available);
        }
        if (startsWith(bytes, available, V1_PREFIX)) {
            return v1(bytes, available);
        }
        throw new Invalid("no PROXY protocol header");
    }

    /** Whether the bytes so far agree with the prefix (as far as they go). */
    private static boolean startsWith(byte[] bytes, int available, byte[] prefix) {
        int n = Math.min(available, prefix.length);
        return Arrays.equals(bytes, 0, n, prefix, 0, n);
    }

    private static ProxyHeader v1(byte[] bytes, int available) throws Invalid {
        int end = -1;
        for (int i = 0; i + 1 < Math.min(available, V1_MAX_LENGTH); i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            if (available >= V1_MAX_LENGTH) {
                throw new Invalid("PROXY line too long");
            }
            return null;
        }
        String[] fields = new String(bytes, 0, end, StandardCharsets.US_ASCII).split(" ");
        if (fields.length >= 2 && fields[1].equals("UNKNOWN")) {
            return new ProxyHeader(null, end + 2);
        }
        if (fields.length != 6 || !(fields[1].equals("TCP4") || fields[1].equals("TCP6"))) {
            throw new Invalid("malformed PROXY line");
        }
        byte[] address = literalAddress(fields[2], fields[1].equals("TCP4") ? 4 : 16);
        return new ProxyHeader(new InetSocketAddress(inet(address), port(fields[4])), end + 2);
    }

    private static ProxyHeader v2(byte[] bytes, int available) throws Invalid {
        int versionCommand = bytes[12] & 0xFF;
        int family = bytes[13] & 0xFF;
        int length = 16 + (((bytes[14] & 0xFF) << 8) | (bytes[15] & 0xFF));
        if (versionCommand >> 4 != 2) {
            throw new Invalid("unknown PROXY protocol version");
        }
        if (length > MAX_LENGTH) {
            throw new Invalid("PROXY header too long");
        }
        if (available < length) {
            return null;
        }
        int command = versionCommand & 0x0F;
        if (command == 0) {
            return new ProxyHeader(null, length);
        }
        if (command != 1) {
            throw new Invalid("unknown PROXY command");
        }
        int addressLength = switch (family >> 4) {
            case 1 -> 4;
            case 2 -> 16;
            default -> 0;
        };
        if (addressLength == 0 || (family & 0x0F) != 1) {
            // Unix sockets or UDP: nothing that names a TCP client; the peer address stands.
            return new ProxyHeader(null, length);
        }
        if (length < 16 + 2 * addressLength + 4) {
            throw new Invalid("PROXY header too short for its addresses");
        }
        byte[] source = Arrays.copyOfRange(bytes, 16, 16 + addressLength);
        int portAt = 16 + 2 * addressLength;
        int port = ((bytes[portAt] & 0xFF) << 8) | (bytes[portAt + 1] & 0xFF);
        return new ProxyHeader(new InetSocketAddress(inet(source), port), length);
    }

    /** Parses a numeric address only: a header never makes the server resolve a name. */
    private static byte[] literalAddress(String text, int length) throws Invalid {
        if (length == 4) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                throw new Invalid("bad IPv4 address");
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = number(parts[i], 255);
                out[i] = (byte) value;
            }
            return out;
        }
        if (!text.matches("[0-9A-Fa-f:.]+") || !text.contains(":")) {
            throw new Invalid("bad IPv6 address");
        }
        try {
            // Only hex digits, colons and dots reach here, so this parses a literal and never looks anything up.
            byte[] out = InetAddress.getByName(text).getAddress();
            if (out.length != 16) {
                throw new Invalid("bad IPv6 address");
            }
            return out;
        } catch (UnknownHostException e) {
            throw new Invalid("bad IPv6 address");
        }
    }

    private static int port(String text) throws Invalid {
        return number(text, 65535);
    }

    private static int number(String text, int max) throws Invalid {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Invalid("bad number in PROXY header");
        }
        int value = Integer.parseInt(text);
        if (value > max) {
            throw new Invalid("number out of range in PROXY header");
        }
        return value;
    }

    private static InetAddress inet(byte[] address) throws Invalid {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new Invalid("bad address");
        }
    }
}
