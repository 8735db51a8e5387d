/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.testing.MailcoreExtension;
import dev.mailcore.testing.MailcoreTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link MailcoreTest} registers: a {@link MailcoreExtension} per test, made from the annotation when a test
 * or {@code @BeforeEach} method first asks for one, and stopped by JUnit when the test ends.
 */
public final class AnnotatedMailServer implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AnnotatedMailServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MailcoreExtension.class;
    }

    @Override
    public MailcoreExtension resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> start(context), Running.class)
                .mail();
    }

    private static Running start(ExtensionContext context) {
        MailcoreTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MailcoreTest.class)
                .orElseThrow(() -> new IllegalStateException("no @MailcoreTest on " + context.getRequiredTestClass()));
        MailcoreExtension mail = MailcoreExtension.create();
        for (String user : settings.users()) {
            int colon = user.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a @MailcoreTest user is login:password, not " + user);
            }
            mail.withUser(user.substring(0, colon), user.substring(colon + 1));
        }
        if (settings.tls()) {
            mail.withTls();
        }
        mail.start();
        return new Running(mail);
    }

    /** JUnit closes what the store holds when the test's context ends. */
    private record Running(MailcoreExtension mail) implements AutoCloseable {
        @Override
        public void close() {
            mail.stop();
        }
    }
}
