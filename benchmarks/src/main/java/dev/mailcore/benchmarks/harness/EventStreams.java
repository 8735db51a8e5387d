/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many EventSource streams (raw HTTP/1.1 over loopback) read by one selector thread, so that holding a thousand
 * streams costs the client one thread and the measurement sees the server, not the client's threads.
 *
 * <p>Each line of a response is looked at on its own: the status line, then {@code : open} (the server's first
 * comment) and {@code event: NAME} lines; chunk-size lines, headers and data lines pass by. The listener runs on the
 * selector thread with the time the read that carried the line returned.
 */
final class EventStreams implements AutoCloseable {
    /** Called on the selector thread. */
    interface Listener {
        void opened(int stream);

        void event(int stream, String name, long nanos);

        void closed(int stream, String why);
    }

    private static final byte[] OPEN = ": open".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Thread thread;
    private final boolean spin;
    private volatile boolean closing;

    private EventStreams(Selector selector, boolean spin, Listener listener) {
        this.selector = selector;
        this.spin = spin;
        this.thread = new Thread(() -> loop(listener), "event-streams");
        this.thread.setDaemon(true);
    }

    /**
     * Connects {@code count} streams and sends each the request; reading starts at once. With {@code spin} the reading
     * thread polls the selector instead of sleeping in it.
     */
    static EventStreams open(
            Endpoint http, String target, String authorization, int count, boolean spin, Listener listener)
            throws IOException {
        EventStreams streams = new EventStreams(Selector.open(), spin, listener);
        byte[] request = ("GET " + target + " HTTP/1.1\r\n"
                        + "Host: " + http.address().getHostAddress() + ":" + http.port() + "\r\n"
                        + "Authorization: " + authorization + "\r\n"
                        + "Accept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Stream> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(http.address(), http.port()));
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.configureBlocking(false);
            streams.channels.add(channel);
            opened.add(new Stream(i, channel));
        }
        for (Stream stream : opened) {
            stream.channel.register(streams.selector, SelectionKey.OP_READ, stream);
        }
        streams.thread.start();
        return streams;
    }

    private void loop(Listener listener) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (!closing) {
                if (!spin) {
                    selector.select();
                } else if (selector.selectNow() == 0) {
                    Thread.onSpinWait();
                    continue;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Stream stream = (Stream) key.attachment();
                    buffer.clear();
                    int read;
                    try {
                        read = stream.channel.read(buffer);
                    } catch (IOException e) {
                        read = -1;
                    }
                    long now = System.nanoTime();
                    if (read < 0) {
                        key.cancel();
                        listener.closed(stream.index, "closed by the server");
                        continue;
                    }
                    buffer.flip();
                    stream.take(buffer, now, listener);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closing) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
    }

    /** One stream's line assembly across reads. */
    private static final class Stream {
        final int index;
        final SocketChannel channel;
        byte[] line = new byte[256];
        int length;
        boolean statusSeen;

        Stream(int index, SocketChannel channel) {
            this.index = index;
            this.channel = channel;
        }

        void take(ByteBuffer bytes, long now, Listener listener) {
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                if (b == '\n') {
                    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                    lineEnded(end, now, listener);
                    length = 0;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[length++] = b;
                }
            }
        }

        private void lineEnded(int end, long now, Listener listener) {
            if (!statusSeen) {
                statusSeen = true;
                if (!startsWith(end, OK)) {
                    listener.closed(index, new String(line, 0, end, StandardCharsets.US_ASCII));
                }
            } else if (startsWith(end, OPEN)) {
                listener.opened(index);
            } else if (startsWith(end, EVENT)) {
                String name = new String(line, EVENT.length, end - EVENT.length, StandardCharsets.US_ASCII);
                listener.event(index, name, now);
            }
        }

        private boolean startsWith(int end, byte[] prefix) {
            return end >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
        }
    }
}
