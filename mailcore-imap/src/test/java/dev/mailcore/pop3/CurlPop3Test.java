/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl's POP3 client, when curl is installed: an external implementation checks the wire format. */
class CurlPop3Test {
    private static final String MESSAGE = "Subject: curl\n\n.starts with a dot\nplain line\n";

    @TempDir
    Path work;

    @BeforeAll
    static void requireCurl() {
        assumeTrue(curlAvailable(), "curl is not installed: skipping the curl client test");
    }

    @Test
    void curlListsAndRetrieves() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture()) {
            pop3.deliver(MESSAGE);
            String base = "pop3://127.0.0.1:" + pop3.port() + "/";
            assertThat(curl(base))
                    .isEqualTo("1 " + MESSAGE.replace("\n", "\r\n").length() + "\r\n");
            assertThat(curl(base + "1")).isEqualTo(MESSAGE.replace("\n", "\r\n"));
        }
    }

    @Test
    void curlRetrievesOverImplicitTls() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        Path ca = work.resolve("ca.pem");
        Files.writeString(
                ca,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.certificate().getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        try (Pop3Fixture pop3 = Pop3Fixture.withTls(TlsMode.IMPLICIT, certificate)) {
            pop3.deliver(MESSAGE);
            assertThat(curl("pop3s://localhost:" + pop3.port() + "/1", "--cacert", ca.toString()))
                    .isEqualTo(MESSAGE.replace("\n", "\r\n"));
        }
    }

    private static String curl(String url, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "curl", "--silent", "--show-error", "--max-time", "30", "--user", "alice@example.com:secret", url));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean curlAvailable() {
        try {
            Process process = new ProcessBuilder("curl", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
