/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void acceptsLoopbackOnly() {
        assertThat(Endpoint.parse("127.0.0.1:1143").port()).isEqualTo(1143);
        assertThat(Endpoint.parse("localhost:25").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> Endpoint.parse("10.0.0.1:143"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> Endpoint.parse("example.org:143")).isInstanceOf(IllegalArgumentException.class);
    }
}
