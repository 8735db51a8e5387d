/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;

/**
 * COMPRESS=DEFLATE (RFC 4978): raw deflate (RFC 1951) both ways. Each write is compressed and ends with a sync flush,
 * so a reply reaches the client whole as soon as it is written; input is inflated as it comes. Sits between TLS and
 * the framer, so TLS encrypts compressed bytes.
 */
public final class DeflateFilter extends IoFilterAdapter {
    private static final int CHUNK = 16 << 10;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] inChunk = new byte[CHUNK];
    private boolean ended;
    private Object uncompressed;

    /** @param reply the protocol's answer to the compress command: the one write that leaves uncompressed */
    public DeflateFilter(IoBuffer reply) {
        this.uncompressed = reply;
    }

    /** Runs on the session's I/O thread only, so the inflater needs no lock (a lock here could deadlock writes). */
    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!(message instanceof IoBuffer in)) {
            next.messageReceived(session, message);
            return;
        }
        byte[] input = new byte[in.remaining()];
        in.get(input);
        inflater.setInput(input);
        try {
            while (true) {
                int n = inflater.inflate(inChunk);
                if (n > 0) {
                    // Passed on chunk by chunk: a small input that inflates hugely is never held whole here.
                    next.messageReceived(session, IoBuffer.wrap(Arrays.copyOf(inChunk, n)));
                } else if (inflater.needsInput() || inflater.finished() || inflater.needsDictionary()) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            // Not deflate data: nothing sensible can follow on this connection.
            throw new IOException("bad compressed input: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void filterWrite(NextFilter next, IoSession session, WriteRequest request) {
        // Synchronized across deflate and hand-off: the compressed stream must leave in the order it was made.
        // MINA hands the filters a duplicate of the buffer written; the original identifies the reply.
        if (request.getOriginalMessage() == uncompressed) {
            uncompressed = null;
        } else if (!ended && request.getMessage() instanceof IoBuffer buffer && buffer.hasRemaining()) {
            byte[] plain = new byte[buffer.remaining()];
            buffer.get(plain);
            deflater.setInput(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                out.write(chunk, 0, n);
            } while (n == chunk.length || !deflater.needsInput());
            request.setMessage(IoBuffer.wrap(out.toByteArray()));
        }
        next.filterWrite(session, request);
    }

    @Override
    public void onPostRemove(IoFilterChain parent, String name, NextFilter next) {
        end();
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) {
        end();
        next.sessionClosed(session);
    }

    private void end() {
        synchronized (this) {
            ended = true;
            deflater.end();
        }
        inflater.end();
    }
}
