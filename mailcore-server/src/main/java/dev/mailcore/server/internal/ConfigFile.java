/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.Protocol;
import dev.mailcore.server.StoreKind;
import dev.mailcore.server.internal.ConfigValues.ByteSize;
import dev.mailcore.server.internal.ConfigValues.Interval;
import dev.mailcore.server.internal.ConfigValues.Search;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML config file of the standalone server, as read; every key is optional, an unknown one is an error. Keys
 * are kebab-case ({@code data-dir}, {@code allow-plaintext-auth}).
 *
 * <p>The sections are classes with fields rather than records: Jackson binds records through their constructor,
 * buffering the keys first, and then no longer knows the line of an unknown key.
 */
public final class ConfigFile {
    public String dataDir;
    public StoreSection store;
    public Search search;
    public String domain;
    public String hostname;
    public Boolean allowPlaintextAuth;
    public Boolean verifyAddresses;
    public List<UserEntry> users;
    public Map<ListenerKey, HostPort> listeners;
    public TlsSection tls;
    public LimitsSection limits;

    /**
     * {@code store:} the kind, for PostgreSQL the URL, credentials and connection timeout, and how often orphan
     * blobs are swept.
     */
    public static final class StoreSection {
        public StoreKind type;
        public String url;
        public String user;
        public String password;
        public Duration connectionTimeout;
        public Interval blobSweepInterval;
    }

    /** One entry of {@code users:}. */
    public static final class UserEntry {
        public String name;
        public String password;
    }

    /** {@code tls:} PEM files, a PKCS#12 key store, or a generated self-signed certificate. */
    public static final class TlsSection {
        public String certificate;
        public String privateKey;
        public String keystore;
        public String keystorePassword;
        public Boolean selfSigned;
    }

    /** {@code limits:}. */
    public static final class LimitsSection {
        public ByteSize maxMessageSize;
        public ByteSize maxLineLength;
        public Duration idleTimeout;
        public Duration authCache;
    }

    /** A key of {@code listeners:}: a protocol's key. */
    public record ListenerKey(Protocol protocol) {
        static ListenerKey parse(String text) {
            return Protocol.byKey(text)
                    .map(ListenerKey::new)
                    .orElseThrow(
                            () -> new IllegalArgumentException("unknown listener \"" + text + "\"; known: " + known()));
        }

        private static String known() {
            return Arrays.stream(Protocol.values()).map(Protocol::key).collect(Collectors.joining(", "));
        }
    }

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("mailcore-config")
                    .addDeserializer(HostPort.class, parsing(HostPort.class, HostPort::parse))
                    .addDeserializer(Search.class, parsing(Search.class, Search::parse))
                    .addDeserializer(StoreKind.class, parsing(StoreKind.class, ConfigValues::storeKind))
                    .addDeserializer(ByteSize.class, parsing(ByteSize.class, ByteSize::parse))
                    .addDeserializer(Duration.class, parsing(Duration.class, ConfigValues::duration))
                    .addDeserializer(Interval.class, parsing(Interval.class, Interval::parse))
                    .addKeyDeserializer(ListenerKey.class, new KeyDeserializer() {
                        @Override
                        public Object deserializeKey(String key, DeserializationContext ctxt) {
                            try {
                                return ListenerKey.parse(key);
                            } catch (IllegalArgumentException e) {
                                throw DatabindException.from(ctxt, e.getMessage());
                            }
                        }
                    }))
            .build();

    /**
     * Reads {@code file}.
     *
     * @throws ConfigError naming the file, and the line and key where the file is wrong
     */
    public static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigError("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) {
                return new ConfigFile(); // only comments: the defaults
            }
            ConfigFile config = MAPPER.readValue(parser, ConfigFile.class);
            return config == null ? new ConfigFile() : config;
        } catch (JacksonException e) {
            throw new ConfigError(describe(file, e), e);
        }
    }

    private static String describe(Path file, JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where = file + (location != null && location.getLineNr() > 0 ? " line " + location.getLineNr() : "");
        if (e instanceof PropertyBindingException unknown) {
            String path = e.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null && !name.equals(unknown.getPropertyName()))
                    .collect(Collectors.joining("."));
            return where + ": unknown key \"" + unknown.getPropertyName() + "\""
                    + (path.isEmpty() ? "" : " in " + path)
                    + "; known keys: "
                    + unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        return where + ": " + e.getOriginalMessage();
    }

    private static <T> StdScalarDeserializer<T> parsing(Class<T> type, Function<String, T> parser) {
        return new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                String text = p.getValueAsString();
                if (text == null || text.isBlank()) {
                    throw DatabindException.from(p, "expected a value for \"" + p.currentName() + "\"");
                }
                try {
                    return parser.apply(text.trim());
                } catch (IllegalArgumentException e) {
                    throw DatabindException.from(p, "\"" + p.currentName() + "\": " + e.getMessage());
                }
            }
        };
    }
}
