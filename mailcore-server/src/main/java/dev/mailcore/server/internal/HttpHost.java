/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one Jetty server behind the HTTP and HTTPS listeners, speaking HTTP/1.1 and HTTP/2 (h2c on plain listeners, h2
 * by ALPN on TLS ones): connectors are added before the first start, which
 * opens them all; stopping it releases its threads and ports. Requests run on virtual threads, since JMAP blocks on
 * the store and every open EventSource stream holds a request.
 */
final class HttpHost {
    private final Server server;
    private boolean started;
    private boolean stopped;

    HttpHost(Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("mailcore-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        server.setHandler(handler);
    }

    /** A connector on {@code address} and {@code port}; TLS from the first byte when {@code tls} is not null. */
    synchronized ServerConnector connector(InetAddress address, int port, SSLContext tls, Duration idleTimeout) {
        if (started) {
            throw new IllegalStateException("the HTTP server is started already");
        }
        HttpConfiguration config = new HttpConfiguration();
        HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        ServerConnector connector;
        if (tls == null) {
            // HTTP/1.1, and HTTP/2 in clear text by prior knowledge or by Upgrade: h2c.
            connector = new ServerConnector(server, http1, new HTTP2CServerConnectionFactory(config));
        } else {
            config.addCustomizer(new SecureRequestCustomizer());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            // ALPN picks HTTP/2 when the client offers it, HTTP/1.1 otherwise.
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http1.getProtocol());
            connector = new ServerConnector(
                    server,
                    new SslConnectionFactory(ssl, alpn.getProtocol()),
                    alpn,
                    new HTTP2ServerConnectionFactory(config),
                    http1);
        }
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        if (idleTimeout != null) {
            connector.setIdleTimeout(idleTimeout.toMillis());
        }
        server.addConnector(connector);
        return connector;
    }

    /** Opens every connector; later calls do nothing. */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server could not start: " + e.getMessage(), e);
        }
    }

    /** Closes the connectors and stops the threads; later calls do nothing. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly", e);
        }
    }
}
