/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageGeneratorTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private final MessageGenerator generator = new MessageGenerator(7, 60);

    @Test
    void theSameSeedGivesTheSameMailbox() {
        MessageGenerator again = new MessageGenerator(7, 60);
        for (int i = 0; i < generator.count(); i++) {
            assertThat(again.message(i)).isEqualTo(generator.message(i));
        }
        assertThat(new MessageGenerator(8, 60).message(3)).isNotEqualTo(generator.message(3));
    }

    @Test
    void markerWordsAreInTheDecodedTextOfExactlyTheKnownMessages() throws Exception {
        Set<Integer> rare = new HashSet<>();
        int common = 0;
        for (int i = 0; i < generator.count(); i++) {
            String text = decodedText(parse(generator.message(i)));
            if (text.contains(MessageGenerator.RARE_WORD)) {
                rare.add(i);
            }
            if (text.contains(MessageGenerator.COMMON_WORD)) {
                common++;
            }
        }
        assertThat(rare).isEqualTo(generator.rareIndexes());
        assertThat(rare).hasSize((int) generator.expectedMatches(MessageGenerator.RARE_WORD));
        assertThat(common).isEqualTo(generator.expectedMatches(MessageGenerator.COMMON_WORD));
    }

    @Test
    void theMailboxMixesStructuresAndCharsets() throws Exception {
        Set<String> types = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < generator.count(); i++) {
            MimeMessage message = parse(generator.message(i));
            types.add(message.getContentType().replaceAll(";.*", "").trim().toLowerCase());
            subjects.add(message.getSubject());
        }
        assertThat(types).contains("text/plain", "multipart/alternative", "multipart/mixed");
        assertThat(String.join(" ", subjects)).containsAnyOf("é", "ü", "ï").doesNotContain("=?");
    }

    @Test
    void oneMessageHasAHundredKilobyteBody() throws Exception {
        byte[] large = generator.message(generator.largeIndex());
        assertThat(large.length).isGreaterThan(MessageGenerator.LARGE_BODY_OCTETS);
        assertThat(parse(large).getSubject()).contains(MessageGenerator.LARGE_SUBJECT_WORD);
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    private static String decodedText(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                text.append(decodedText(body)).append('\n');
            }
            return text.toString();
        }
        return "";
    }
}
