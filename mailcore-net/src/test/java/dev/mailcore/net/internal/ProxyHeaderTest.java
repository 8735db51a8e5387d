/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public class ProxyHeaderTest {
    private static ProxyHeader parse(byte[] bytes) throws ProxyHeader.Invalid {
        return ProxyHeader.parse(bytes, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void versionOneNamesTheClient() throws Exception {
        ProxyHeader header = parse(ascii("PROXY TCP4 203.0.113.7 198.51.100.1 51000 143\r\na1 NOOP\r\n"));
        assertThat(header.client()).isEqualTo(new InetSocketAddress("203.0.113.7", 51000));
        assertThat(header.length()).isEqualTo(47);
    }

    @Test
    void versionOneWithIpv6AndUnknown() throws Exception {
        assertThat(parse(ascii("PROXY TCP6 2001:db8::7 2001:db8::1 4000 993\r\n"))
                        .client())
                .isEqualTo(new InetSocketAddress("2001:db8::7", 4000));
        assertThat(parse(ascii("PROXY UNKNOWN\r\n")).client()).isNull();
    }

    @Test
    void waitsForTheRestOfAHeader() throws Exception {
        assertThat(parse(ascii("PROX"))).isNull();
        assertThat(parse(ascii("PROXY TCP4 203.0.113.7"))).isNull();
        assertThat(parse(v2(0x21, 0x11, 12, false))).isNull();
    }

    @Test
    void versionTwoNamesTheClientOrKeepsThePeerForLocal() throws Exception {
        ProxyHeader header = parse(v2(0x21, 0x11, 12, true));
        assertThat(header.client()).isEqualTo(new InetSocketAddress("203.0.113.7", 51000));
        assertThat(header.length()).isEqualTo(28);
        assertThat(parse(v2(0x20, 0x00, 0, true)).client()).isNull();
    }

    @Test
    void rejectsWhatIsNotAHeader() {
        assertThatThrownBy(() -> parse(ascii("a1 LOGIN x y\r\n"))).isInstanceOf(ProxyHeader.Invalid.class);
        assertThatThrownBy(() -> parse(ascii("PROXY TCP4 example.org 10.0.0.1 1 2\r\n")))
                .isInstanceOf(ProxyHeader.Invalid.class);
        assertThatThrownBy(() -> parse(ascii("PROXY TCP4 1.2.3.4 5.6.7.8 70000 2\r\n")))
                .isInstanceOf(ProxyHeader.Invalid.class);
        assertThatThrownBy(() -> parse(ascii("PROXY " + "x".repeat(200)))).isInstanceOf(ProxyHeader.Invalid.class);
        assertThatThrownBy(() -> parse(v2(0x31, 0x11, 12, true))).isInstanceOf(ProxyHeader.Invalid.class);
    }

    /** A version 2 header for 203.0.113.7:51000 to 198.51.100.1:143, whole or cut short after the length. */
    public static byte[] v2(int versionCommand, int family, int addressLength, boolean whole) {
        ByteBuffer b = ByteBuffer.allocate(16 + addressLength);
        b.put(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        b.put((byte) versionCommand).put((byte) family).putShort((short) addressLength);
        if (addressLength == 12) {
            b.put(new byte[] {(byte) 203, 0, 113, 7}).put(new byte[] {(byte) 198, 51, 100, 1});
            b.putShort((short) 51000).putShort((short) 143);
        }
        byte[] all = b.array();
        return whole ? all : java.util.Arrays.copyOf(all, 16);
    }
}
