/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

/** A listener address as written in flags and the config file: {@code HOST:PORT}, an IPv6 host in brackets. */
public record HostPort(String host, int port) {
    /**
     * Reads {@code 127.0.0.1:1143}, {@code [::1]:143} or {@code mail.example.com:0}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 host goes in brackets, [::1]:143; got \"" + text + "\"");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("expected HOST:PORT, got \"" + text + "\"");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of \"" + text + "\" is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port of \"" + text + "\" is not between 0 and 65535");
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
