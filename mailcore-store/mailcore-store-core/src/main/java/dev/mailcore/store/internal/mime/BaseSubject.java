/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base subject of RFC 5256 §2.1, which threading (REFERENCES, ORDEREDSUBJECT) and {@code SORT SUBJECT} compare:
 * reply and forward markers ({@code Re:}, {@code Fwd:}, {@code Fw:}), mailing-list tags ({@code [list]}), trailing
 * {@code (fwd)} and {@code [fwd: ...]} wrappers are removed, whitespace is collapsed, and the result is case-folded.
 *
 * <pre>{@code
 * BaseSubject.of("Re: [mailcore] FWD: Release plan (fwd)")   // "release plan"
 * }</pre>
 */
public final class BaseSubject {
    /** subj-leader of RFC 5256: blobs, then re / fw / fwd, an optional blob, and a colon. */
    private static final Pattern LEADER =
            Pattern.compile("^(?:\\[[^\\[\\]]*\\] *)*(?:re|fwd?) *(?:\\[[^\\[\\]]*\\] *)?:", Pattern.CASE_INSENSITIVE);

    /**
     * Only this many characters of a subject are considered; threading never needs more, and it keeps the repeated
     * prefix stripping cheap on hostile input.
     */
    static final int MAX_LENGTH = 2048;

    /** A reply or forward marker in the part that {@link #stripLeaders} removed. */
    private static final Pattern LEADER_ANYWHERE =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:re|fwd?) *(?:\\[[^\\[\\]]*\\] *)?:", Pattern.CASE_INSENSITIVE);

    private static final Pattern BLOB = Pattern.compile("^\\[[^\\[\\]]*\\] *");

    private BaseSubject() {}

    /**
     * @param decodedSubject the subject with encoded-words already decoded; null is treated as empty
     * @return the base subject, lowercase; empty when nothing is left
     */
    public static String of(String decodedSubject) {
        return extract(decodedSubject).base();
    }

    /**
     * Whether extracting the base subject removed a reply or forward marker ({@code Re:}, {@code Fwd:}, a trailing
     * {@code (fwd)}, a {@code [fwd: ...]} wrapper): what THREAD=REFERENCES asks when it joins threads by subject.
     */
    public static boolean isReplyOrForward(String decodedSubject) {
        return extract(decodedSubject).replyOrForward();
    }

    private record Extraction(String base, boolean replyOrForward) {}

    private static Extraction extract(String decodedSubject) {
        if (decodedSubject == null) {
            return new Extraction("", false);
        }
        // (1) Tabs, line breaks and runs of blanks become one space.
        String bounded =
                decodedSubject.length() > MAX_LENGTH ? decodedSubject.substring(0, MAX_LENGTH) : decodedSubject;
        String s = bounded.replaceAll("[\\t\\r\\n ]+", " ");
        boolean marked = false;
        while (true) {
            String trimmed = stripTrailers(s);
            marked |= !trimmed.strip().equals(s.strip());
            s = trimmed;
            String led = stripLeaders(s);
            marked |= LEADER_ANYWHERE
                    .matcher(s.substring(0, s.length() - led.length()))
                    .find();
            s = led;
            // (6) "[fwd: ...]" wraps the whole subject: unwrap and start over.
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                marked = true;
                continue;
            }
            break;
        }
        return new Extraction(s.strip().toLowerCase(Locale.ROOT), marked);
    }

    /** (2) Trailing "(fwd)" and whitespace. */
    private static String stripTrailers(String subject) {
        String s = subject;
        while (true) {
            if (s.endsWith(" ")) {
                s = s.substring(0, s.length() - 1);
            } else if (s.length() >= 5 && s.regionMatches(true, s.length() - 5, "(fwd)", 0, 5)) {
                s = s.substring(0, s.length() - 5);
            } else {
                return s;
            }
        }
    }

    /** (3)-(5) Leading whitespace, reply/forward markers, and blobs that are not the whole subject. */
    private static String stripLeaders(String subject) {
        String s = subject;
        boolean changed = true;
        while (changed) {
            changed = false;
            while (s.startsWith(" ")) {
                s = s.substring(1);
                changed = true;
            }
            Matcher leader = LEADER.matcher(s);
            if (leader.find()) {
                s = s.substring(leader.end());
                changed = true;
                continue;
            }
            Matcher blob = BLOB.matcher(s);
            if (blob.find() && blob.end() < s.length()) {
                s = s.substring(blob.end());
                changed = true;
            }
        }
        return s;
    }
}
