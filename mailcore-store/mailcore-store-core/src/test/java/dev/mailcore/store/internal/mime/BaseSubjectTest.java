/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseSubjectTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "Hello World                         | hello world",
                "Re: Hello World                     | hello world",
                "RE: re: Fwd: Hello World            | hello world",
                "Fw: Hello   World                   | hello world",
                "\"Re:   Hello\tWorld (fwd)\"        | hello world",
                "Hello World (fwd) (FWD)             | hello world",
                "[mailcore] Re: Hello World          | hello world",
                "Re: [mailcore] Hello World          | hello world",
                "Re[2]: Hello World                  | hello world",
                "Re [list]: Hello World              | hello world",
                "[fwd: Re: Hello World]              | hello world",
                "Fwd: [fwd: Hello World (fwd)]       | hello world",
                "[only a blob]                       | [only a blob]",
                "Re:                                 | \"\"",
                "refrigerator: not a reply prefix    | refrigerator: not a reply prefix",
            })
    void extractsTheRfc5256BaseSubject(String subject, String expected) {
        assertThat(BaseSubject.of(subject)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertThat(BaseSubject.of(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Re: Hello World         | true",
                "[list] fwd: Hello       | true",
                "Hello World (fwd)       | true",
                "[fwd: Hello World]      | true",
                "Hello World             | false",
                "[list] Hello World      | false",
                "[are: x] Hello          | false",
                "refrigerator: not one   | false",
            })
    void tellsRepliesAndForwards(String subject, boolean expected) {
        assertThat(BaseSubject.isReplyOrForward(subject)).isEqualTo(expected);
    }
}
