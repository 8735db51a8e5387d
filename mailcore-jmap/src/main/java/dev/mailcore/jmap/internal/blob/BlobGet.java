/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.blob;

import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Blob/get} (RFC 9404 §4.2): a blob's octets as text or base64, its size and digests, over the whole blob or
 * a range of it. Digests are of the range; {@code size} is always the whole blob's.
 */
final class BlobGet implements JmapMethod {
    private static final List<String> DEFAULT_PROPERTIES = List.of("data", "size");

    private final BlobReader blobs;

    BlobGet(BlobReader blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "Blob/get";
    }

    @Override
    public String capability() {
        return Capabilities.BLOB;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ArrayNode ids = Json.optionalArray(args, "ids");
        if (ids == null) {
            throw MethodError.invalidArguments("ids is required: blobs cannot be listed");
        }
        if (ids.size() > invocation.limits().maxObjectsInGet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInGet() + " ids in one call");
        }
        List<String> properties = properties(args);
        long offset = Json.optionalLong(args, "offset", 0);
        long length = Json.optionalLong(args, "length", -1);
        if (offset < 0 || (args.has("length") && !args.get("length").isNull() && length < 0)) {
            throw MethodError.invalidArguments("offset and length are UnsignedInt");
        }
        ObjectNode response = Json.object().put("accountId", account.value());
        ArrayNode list = response.putArray("list");
        ArrayNode notFound = Json.array();
        for (JsonNode idNode : ids) {
            if (!idNode.isString()) {
                throw MethodError.invalidArguments("ids holds strings");
            }
            String id = idNode.stringValue();
            String resolved = BlobMethods.resolve(invocation, id);
            Optional<byte[]> blob = resolved == null ? Optional.empty() : BlobMethods.read(blobs, account, resolved);
            if (blob.isEmpty()) {
                notFound.add(id);
                continue;
            }
            list.add(blob(resolved, blob.get(), properties, offset, length));
        }
        response.set("notFound", notFound);
        return response;
    }

    private static List<String> properties(ObjectNode args) {
        ArrayNode requested = Json.optionalArray(args, "properties");
        if (requested == null) {
            return DEFAULT_PROPERTIES;
        }
        List<String> properties = new ArrayList<>();
        for (JsonNode node : requested) {
            String property = node.isString() ? node.stringValue() : "";
            boolean known = switch (property) {
                case "id", "data", "data:asText", "data:asBase64", "size" -> true;
                default ->
                    property.startsWith("digest:")
                            && BlobMethods.DIGEST_ALGORITHMS.contains(property.substring("digest:".length()));
            };
            if (!known) {
                throw MethodError.invalidArguments("unknown or unsupported property " + node);
            }
            properties.add(property);
        }
        return properties;
    }

    private static ObjectNode blob(String id, byte[] bytes, List<String> properties, long offset, long length) {
        long start = Math.min(offset, bytes.length);
        long end = length < 0 ? bytes.length : Math.min((long) bytes.length, start + length);
        boolean truncated = offset > bytes.length || (length >= 0 && offset + length > bytes.length);
        byte[] range = Arrays.copyOfRange(bytes, (int) start, (int) end);
        ObjectNode node = Json.object().put("id", id);
        boolean encodingProblem = false;
        for (String property : properties) {
            switch (property) {
                case "id" -> {}
                case "size" -> node.put("size", bytes.length);
                case "data:asBase64" ->
                    node.put("data:asBase64", Base64.getEncoder().encodeToString(range));
                case "data:asText" -> {
                    String text = utf8(range);
                    node.put("data:asText", text);
                    encodingProblem |= text == null;
                }
                case "data" -> {
                    String text = utf8(range);
                    if (text == null) {
                        node.put("data:asBase64", Base64.getEncoder().encodeToString(range));
                    } else {
                        node.put("data:asText", text);
                    }
                }
                default -> node.put(property, digest(property.substring("digest:".length()), range));
            }
        }
        if (encodingProblem) {
            node.put("isEncodingProblem", true);
        }
        if (truncated) {
            node.put("isTruncated", true);
        }
        return node;
    }

    /** The octets as UTF-8 text, or null when they are not UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** RFC 3230 digest names: {@code sha} is SHA-1; the value is base64. */
    private static String digest(String algorithm, byte[] bytes) {
        String jca = algorithm.equals("sha") ? "SHA-1" : "SHA-256";
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance(jca).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + jca, e);
        }
    }
}
