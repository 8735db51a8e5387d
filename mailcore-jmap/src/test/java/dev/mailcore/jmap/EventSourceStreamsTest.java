/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** EventSource streams over raw HTTP/1.1 sockets: many at once, and every way a stream ends. */
class EventSourceStreamsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final JmapFixture jmap = new JmapFixture();
    private final List<Stream> streams = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Stream stream : streams) {
            stream.socket.close();
        }
        jmap.close();
    }

    @Test
    void everyOneOfManyStreamsReceivesTheStateEventOfOneDelivery() throws Exception {
        for (int i = 0; i < 200; i++) {
            open("types=*&closeafter=no&ping=0");
        }
        assertThat(jmap.handler.openEventStreams()).isEqualTo(200);

        jmap.deliver("INBOX", "Subject: to everyone\n\nbody\n");
        String state = jmap.call("Email/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                .get("state")
                .asString();

        for (Stream stream : streams) {
            JsonNode change = jmap.parse(stream.next("state"));
            assertThat(change.get("@type").asString()).isEqualTo("StateChange");
            assertThat(change.get("changed").get(jmap.accountId()).get("Email").asString())
                    .isEqualTo(state);
        }
    }

    @Test
    void aStreamOnlyCarriesTheTypesItAskedFor() throws Exception {
        Stream mailboxes = open("types=Mailbox&closeafter=no&ping=0");
        Stream emails = open("types=Email&closeafter=no&ping=0");

        jmap.call("Mailbox/set", "{\"accountId\":\"$A\",\"create\":{\"m\":{\"name\":\"Typed\"}}}");
        jmap.deliver("INBOX", "Subject: typed\n\nbody\n");

        assertThat(names(jmap.parse(mailboxes.next("state")))).containsExactly("Mailbox");
        // The new mailbox changed no Email state, so the first event of this stream is the delivery's.
        assertThat(names(jmap.parse(emails.next("state")))).containsExactly("Email");
    }

    private List<String> names(JsonNode stateChange) {
        return new ArrayList<>(stateChange.get("changed").get(jmap.accountId()).propertyNames());
    }

    @Test
    void aStreamWhoseClientWentAwayIsReleased() throws Exception {
        Stream gone = open("types=*&closeafter=no&ping=1");
        assertThat(jmap.handler.openEventStreams()).isEqualTo(1);

        gone.socket.close();

        // The next ping finds the connection closed.
        awaitTrue(() -> jmap.handler.openEventStreams() == 0);
        Stream next = open("types=*&closeafter=no&ping=0");
        jmap.deliver("INBOX", "Subject: after a client left\n\nbody\n");
        assertThat(next.next("state")).contains("StateChange");
    }

    @Test
    void closeAfterStateEndsTheResponseAfterTheFirstStateEvent() throws Exception {
        Stream once = open("types=*&closeafter=state&ping=0");

        jmap.deliver("INBOX", "Subject: once\n\nbody\n");

        assertThat(once.next("state")).contains("StateChange");
        assertThat(once.endOfResponse()).isTrue();
        awaitTrue(() -> jmap.handler.openEventStreams() == 0);
    }

    @Test
    void pingsArriveWithTheirInterval() throws Exception {
        Stream pinged = open("types=*&closeafter=no&ping=1");

        assertThat(jmap.parse(pinged.next("ping")).get("interval").asInt()).isEqualTo(1);
        assertThat(jmap.parse(pinged.next("ping")).get("interval").asInt()).isEqualTo(1);
    }

    @Test
    void stoppingTheHandlerEndsEveryStream() throws Exception {
        Stream first = open("types=*&closeafter=no&ping=0");
        Stream second = open("types=Email&closeafter=no&ping=30");

        jmap.handler.stop();

        assertThat(first.endOfResponse()).isTrue();
        assertThat(second.endOfResponse()).isTrue();
        awaitTrue(() -> jmap.handler.openEventStreams() == 0);
    }

    private Stream open(String query) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", jmap.server.port()), (int) PATIENCE.toMillis());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        socket.getOutputStream()
                .write(("GET /jmap/eventsource?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                                + JmapFixture.basic(JmapFixture.USER, JmapFixture.PASSWORD)
                                + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        Stream stream = new Stream(socket);
        streams.add(stream);
        assertThat(stream.in.readLine()).startsWith("HTTP/1.1 200");
        stream.skipTo(": open");
        return stream;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** One raw EventSource response; chunk-size lines pass by between the event lines. */
    private static final class Stream {
        final Socket socket;
        final BufferedReader in;

        Stream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        void skipTo(String wanted) throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(wanted)) {
                    return;
                }
            }
            throw new AssertionError("the stream ended before " + wanted);
        }

        /** The data of the next event of that name. */
        String next(String event) throws IOException {
            skipTo("event: " + event);
            String data = in.readLine();
            assertThat(data).startsWith("data: ");
            return data.substring("data: ".length());
        }

        /** Whether the response ends (the last chunk) or the connection closes, before any other event. */
        boolean endOfResponse() throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event:")) {
                    return false;
                }
                if (line.equals("0") && "".equals(in.readLine())) {
                    return true;
                }
            }
            return true;
        }
    }
}
