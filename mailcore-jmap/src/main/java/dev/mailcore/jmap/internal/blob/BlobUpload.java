/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.blob;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.BlobId;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Blob/upload} (RFC 9404 §4.1): blobs made from text, base64 and ranges of other blobs, kept like HTTP
 * uploads. Each creation id stands for its blob id in later calls and in later data sources of the same call.
 */
final class BlobUpload implements JmapMethod {
    private static final Set<String> RANGE_KEYS = Set.of("blobId", "offset", "length");

    private final BlobReader blobs;

    BlobUpload(BlobReader blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "Blob/upload";
    }

    @Override
    public String capability() {
        return Capabilities.BLOB;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ObjectNode create = Json.optionalObject(args, "create");
        if (create != null && create.size() > invocation.limits().maxObjectsInSet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInSet() + " blobs in one call");
        }
        ObjectNode response = Json.object().put("accountId", account.value());
        if (create != null) {
            for (Map.Entry<String, JsonNode> entry : create.properties()) {
                String creationId = entry.getKey();
                try {
                    ObjectNode created = create(entry.getValue(), account, invocation);
                    invocation.createdIds().put(creationId, created.get("id").asString());
                    SetArguments.record(response, "created", creationId, created);
                } catch (Refused refused) {
                    SetArguments.record(response, "notCreated", creationId, refused.error);
                }
            }
        }
        for (String name : new String[] {"created", "notCreated"}) {
            if (!response.has(name)) {
                response.putNull(name);
            }
        }
        return response;
    }

    private ObjectNode create(JsonNode spec, AccountId account, Invocation invocation) {
        if (!spec.isObject()) {
            throw new Refused(SetErrors.invalidProperties("an upload is an object with data", "data"));
        }
        JsonNode data = spec.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw new Refused(SetErrors.invalidProperties("data is a non-empty array of data sources", "data"));
        }
        if (data.size() > BlobMethods.MAX_DATA_SOURCES) {
            throw new Refused(SetErrors.invalidProperties(
                    "at most " + BlobMethods.MAX_DATA_SOURCES + " data sources (maxDataSources)", "data"));
        }
        JsonNode typeNode = spec.get("type");
        if (typeNode != null && !typeNode.isNull() && !typeNode.isString()) {
            throw new Refused(SetErrors.invalidProperties("type is a string", "type"));
        }
        long max = invocation.limits().maxSizeUpload();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < data.size(); i++) {
            byte[] part = source(data.get(i), "data/" + i, account, invocation);
            if (out.size() + (long) part.length > max) {
                throw new Refused(SetErrors.of("tooLarge", "the blob would be larger than maxSizeBlobSet " + max));
            }
            out.writeBytes(part);
        }
        String type = typeNode == null || typeNode.isNull() ? "application/octet-stream" : typeNode.stringValue();
        byte[] content = out.toByteArray();
        BlobId hash = invocation.uploads().put(account, content, type);
        return Json.object()
                .put("id", new BlobRef.UploadRef(hash).jmapId())
                .put("type", type)
                .put("size", content.length);
    }

    /** The octets of one DataSourceObject: exactly one of data:asText, data:asBase64, or a blob range. */
    private byte[] source(JsonNode source, String path, AccountId account, Invocation invocation) {
        if (!source.isObject()) {
            throw new Refused(SetErrors.invalidProperties("a data source is an object", path));
        }
        JsonNode text = source.get("data:asText");
        JsonNode base64 = source.get("data:asBase64");
        boolean range = source.has("blobId");
        int kinds = (text != null ? 1 : 0) + (base64 != null ? 1 : 0) + (range ? 1 : 0);
        boolean onlyKnownKeys = source.propertyNames().stream()
                .allMatch(k -> k.equals("data:asText") || k.equals("data:asBase64") || RANGE_KEYS.contains(k));
        if (kinds != 1 || !onlyKnownKeys || (!range && (source.has("offset") || source.has("length")))) {
            throw new Refused(SetErrors.invalidProperties(
                    "a data source has exactly one of data:asText, data:asBase64 or blobId", path));
        }
        if (text != null) {
            if (!text.isString()) {
                throw new Refused(SetErrors.invalidProperties("data:asText is a string", path + "/data:asText"));
            }
            return text.stringValue().getBytes(StandardCharsets.UTF_8);
        }
        if (base64 != null) {
            try {
                if (!base64.isString()) {
                    throw new IllegalArgumentException("not a string");
                }
                return Base64.getDecoder().decode(base64.stringValue());
            } catch (IllegalArgumentException e) {
                throw new Refused(SetErrors.invalidProperties("data:asBase64 is not base64", path + "/data:asBase64"));
            }
        }
        return range(source, path, account, invocation);
    }

    private byte[] range(JsonNode source, String path, AccountId account, Invocation invocation) {
        JsonNode idNode = source.get("blobId");
        if (!idNode.isString()) {
            throw new Refused(SetErrors.invalidProperties("blobId is a string", path + "/blobId"));
        }
        long offset = unsigned(source, "offset", path, 0);
        long length = unsigned(source, "length", path, -1);
        String id = BlobMethods.resolve(invocation, idNode.stringValue());
        Optional<byte[]> blob = id == null ? Optional.empty() : BlobMethods.read(blobs, account, id);
        if (blob.isEmpty()) {
            ObjectNode error = SetErrors.of("blobNotFound", "no blob " + idNode.stringValue());
            error.putArray("notFound").add(idNode.stringValue());
            throw new Refused(error);
        }
        byte[] bytes = blob.get();
        long end = length < 0 ? bytes.length : offset + length;
        if (offset > bytes.length || end > bytes.length) {
            throw new Refused(SetErrors.invalidProperties(
                    "offset and length reach past the end of the blob (" + bytes.length + " octets)",
                    path + "/offset",
                    path + "/length"));
        }
        return java.util.Arrays.copyOfRange(bytes, (int) offset, (int) end);
    }

    private static long unsigned(JsonNode source, String name, String path, long fallback) {
        JsonNode node = source.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new Refused(SetErrors.invalidProperties(name + " is an UnsignedInt", path + "/" + name));
        }
        return node.longValue();
    }

    /** A creation that fails with a SetError; the other creations go on. */
    private static final class Refused extends RuntimeException {
        private final ObjectNode error;

        Refused(ObjectNode error) {
            super(null, null, false, false);
            this.error = error;
        }
    }
}
