/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import dev.mailcore.api.Account;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.jmap.internal.ApiProcessor;
import dev.mailcore.jmap.internal.BasicAuthenticator;
import dev.mailcore.jmap.internal.BearerAuthenticator;
import dev.mailcore.jmap.internal.Endpoints;
import dev.mailcore.jmap.internal.EventSourceEndpoint;
import dev.mailcore.jmap.internal.HttpReplies;
import dev.mailcore.jmap.internal.LoginThrottle;
import dev.mailcore.jmap.internal.Methods;
import dev.mailcore.jmap.internal.Uploads;
import dev.mailcore.jmap.internal.WebSocketEndpoint;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * JMAP (RFC 8620 core, RFC 8621 mail) as a Jetty 12 core {@link Handler}, to mount on a host application's own Jetty
 * server. It answers {@code /.well-known/jmap} and everything below its base path; other requests pass on to the
 * next handler.
 *
 * <pre>{@code
 * JmapHandler jmap = JmapHandler.builder()
 *         .store(mailStore)
 *         .directory(directory)
 *         .accountObjects(objectStore)
 *         .basePath("/jmap")
 *         .build();
 * server.setHandler(new Handler.Sequence(jmap, myOtherHandler));
 * }</pre>
 *
 * <p>Below the base path: {@code /session} (the same as {@code /.well-known/jmap}), {@code /api},
 * {@code /upload/{accountId}/}, {@code /download/{accountId}/{blobId}/{name}}, {@code /eventsource} and {@code /ws}
 * (JMAP over WebSocket, RFC 8887). Every
 * request authenticates with HTTP Basic, or with a bearer token when the directory verifies tokens; run it behind
 * TLS.
 */
public final class JmapHandler extends Handler.Abstract {
    private static final String WELL_KNOWN = "/.well-known/jmap";
    private static final Duration MAX_AUTH_BACKOFF = Duration.ofSeconds(16);

    private final String basePath;
    private final Boolean allowPlaintextAuth;
    private final BasicAuthenticator authenticator;
    private final BearerAuthenticator bearer;
    private final LoginThrottle throttle;
    private final Endpoints endpoints;
    private final EventSourceEndpoint eventSource;
    private final WebSocketEndpoint webSocket;

    private JmapHandler(Builder builder) {
        this.basePath = builder.basePath;
        this.allowPlaintextAuth = builder.allowPlaintextAuth;
        this.authenticator = new BasicAuthenticator(builder.directory);
        this.bearer = new BearerAuthenticator(builder.directory);
        this.throttle = new LoginThrottle(builder.authBackoff, MAX_AUTH_BACKOFF, builder.clock);
        Uploads uploads = new Uploads(builder.clock);
        ApiProcessor processor = new ApiProcessor(Methods.standard(
                builder.store,
                uploads,
                builder.directory,
                builder.objects,
                Optional.ofNullable(builder.outboundQueue)));
        this.endpoints = new Endpoints(builder.store, builder.limits, uploads, processor);
        this.eventSource = new EventSourceEndpoint(builder.store);
        this.webSocket = new WebSocketEndpoint(builder.store, endpoints, builder.limits);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The path the endpoints hang below, such as {@code /jmap}. */
    public String basePath() {
        return basePath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String sub;
        if (path.equals(WELL_KNOWN)) {
            sub = "session";
        } else if (path.startsWith(basePath + "/")) {
            sub = path.substring(basePath.length() + 1);
        } else {
            return false;
        }
        try {
            return serve(sub, request, response, callback);
        } catch (MailException e) {
            if (!e.reason().temporary() || response.isCommitted()) {
                throw e;
            }
            // The store is down or busy: 503 with Retry-After (RFC 9110), which a client retries, for any resource.
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
            HttpReplies.problem(response, callback, 503, "the server is temporarily unavailable");
            return true;
        }
    }

    private boolean serve(String sub, Request request, Response response, Callback callback) throws Exception {
        if (!request.isSecure() && !plaintextAllowed(request)) {
            // Basic credentials would cross the network in the clear: refuse before reading them.
            HttpReplies.problem(response, callback, 403, "JMAP needs HTTPS from this address");
            return true;
        }
        Optional<Account> account = authenticator.authenticate(request).or(() -> bearer.authenticate(request));
        String address = Request.getRemoteAddr(request);
        if (account.isEmpty()) {
            if (request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
                // Only wrong credentials are slowed down; a first request without any is the normal challenge.
                Thread.sleep(throttle.failed(address));
            }
            HttpReplies.unauthorized(response, callback, bearer.enabled(), BearerAuthenticator.presented(request));
            return true;
        }
        throttle.succeeded(address);
        String method = request.getMethod();
        boolean get = HttpMethod.GET.is(method);
        boolean post = HttpMethod.POST.is(method);
        if (sub.equals("session") && get) {
            endpoints.session(account.get(), baseUrl(request), response, callback);
        } else if (sub.equals("api") && post) {
            endpoints.api(account.get(), baseUrl(request), request, response, callback);
        } else if (sub.startsWith("upload/") && post) {
            String accountId = sub.substring("upload/".length()).replaceAll("/$", "");
            endpoints.upload(account.get(), accountId, request, response, callback);
        } else if (sub.startsWith("download/") && get) {
            endpoints.download(account.get(), sub.substring("download/".length()), request, response, callback);
        } else if (sub.equals("eventsource") && get) {
            eventSource.handle(account.get(), request, response, callback);
        } else if (sub.equals("ws") && get) {
            webSocket.upgrade(account.get(), baseUrl(request), request, response, callback);
        } else {
            HttpReplies.problem(response, callback, 404, "no such JMAP resource");
        }
        return true;
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        if (server != null) {
            // The WebSocket upgrade needs the server's WebSocket components, found or made once per server.
            webSocket.attach(server);
        }
    }

    /** How many EventSource streams are open; for tests that check a stream is released. */
    int openEventStreams() {
        return eventSource.openStreams();
    }

    @Override
    protected void doStop() throws Exception {
        eventSource.stop();
        super.doStop();
    }

    private boolean plaintextAllowed(Request request) {
        if (allowPlaintextAuth != null) {
            return allowPlaintextAuth;
        }
        return request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote
                && remote.getAddress() != null
                && remote.getAddress().isLoopbackAddress();
    }

    private String baseUrl(Request request) {
        HttpURI uri = request.getHttpURI();
        String context = Request.getContextPath(request);
        return uri.getScheme() + "://" + uri.getAuthority() + (context == null ? "" : context) + basePath;
    }

    /** Settings of a {@link JmapHandler}; {@code store}, {@code directory} and {@code accountObjects} are required. */
    public static final class Builder {
        private MailStore store;
        private Directory directory;
        private AccountObjectStore objects;
        private String basePath = "/jmap";
        private JmapLimits limits = JmapLimits.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Duration authBackoff = Duration.ofSeconds(1);
        private OutboundQueue outboundQueue;
        private Boolean allowPlaintextAuth;

        private Builder() {}

        /**
         * Whether requests over plain HTTP are served (their Basic credentials cross the network in the clear);
         * default: from loopback addresses only, as the line protocols do. Others get 403 and should use HTTPS, or a
         * TLS-terminating proxy on the same host.
         */
        public Builder allowPlaintextAuth(boolean allowed) {
            this.allowPlaintextAuth = allowed;
            return this;
        }

        public Builder store(MailStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Where identities, email submissions and vacation responses are kept. Give the mail engine the same store
         * ({@code MailEngine.builder().accountObjects(...)}) so its delivery sends the vacation auto-reply.
         */
        public Builder accountObjects(AccountObjectStore objects) {
            this.objects = Objects.requireNonNull(objects, "objects");
            return this;
        }

        /** Where the endpoints hang, such as {@code /jmap} (the default); it starts with a slash, not ends with one. */
        public Builder basePath(String basePath) {
            Objects.requireNonNull(basePath, "basePath");
            if (!basePath.startsWith("/") || basePath.endsWith("/")) {
                throw new IllegalArgumentException("basePath starts with '/' and does not end with it: " + basePath);
            }
            this.basePath = basePath;
            return this;
        }

        /**
         * Where EmailSubmission/set puts messages for recipients outside the directory's domains. Without a queue
         * such recipients are refused, and only local delivery works.
         */
        public Builder outboundQueue(OutboundQueue outboundQueue) {
            this.outboundQueue = Objects.requireNonNull(outboundQueue, "outboundQueue");
            return this;
        }

        public Builder limits(JmapLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The wait before answering the first failed login from an address (default one second); it doubles with
         * each further failure up to 16 seconds and resets on success.
         */
        public Builder authBackoff(Duration base) {
            Objects.requireNonNull(base, "base");
            if (base.isNegative()) {
                throw new IllegalArgumentException("authBackoff must not be negative");
            }
            this.authBackoff = base;
            return this;
        }

        /** The clock that expires uploads and forgets failed logins. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public JmapHandler build() {
            if (store == null) {
                throw new IllegalStateException("set store(...)");
            }
            if (directory == null) {
                throw new IllegalStateException("set directory(...)");
            }
            if (objects == null) {
                throw new IllegalStateException("set accountObjects(...)");
            }
            return new JmapHandler(this);
        }
    }
}
