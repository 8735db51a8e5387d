/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import dev.mailcore.testing.internal.AnnotatedMailServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class a mail server of its own, as a {@link MailcoreExtension} parameter: the short form of
 * an instance-field registration, for tests that need only users and, perhaps, TLS.
 *
 * <pre>{@code
 * @MailcoreTest(users = "alice@example.com:secret")
 * class NewsletterTest {
 *     @Test
 *     void sends(MailcoreExtension mail) throws Exception {
 *         newsletter.send(mail.smtpSession(), "alice@example.com");
 *         assertTrue(mail.waitForIncomingEmail(Duration.ofSeconds(5), 1));
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AnnotatedMailServer.class)
public @interface MailcoreTest {
    /** Users as {@code login:password}, the login a full address or a bare login. */
    String[] users() default {};

    /** Whether to turn on {@link MailcoreExtension#withTls()}. */
    boolean tls() default false;
}
