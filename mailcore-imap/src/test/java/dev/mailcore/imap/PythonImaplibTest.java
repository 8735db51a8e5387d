/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python's imaplib as a second client, where python3 is installed. */
class PythonImaplibTest {
    @TempDir
    Path work;

    @Test
    void imaplibWorksAgainstTheServer() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed: skipping the imaplib client test");
        Path script = work.resolve("imaplib_check.py");
        try (InputStream in = getClass().getResourceAsStream("/python/imaplib_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (ImapFixture imap = new ImapFixture()) {
            Process process = new ProcessBuilder("python3", script.toString(), Integer.toString(imap.port()))
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("imaplib OK");
        }
    }

    private static boolean python3Available() {
        try {
            Process process = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
