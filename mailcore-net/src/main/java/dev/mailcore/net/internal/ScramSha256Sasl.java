/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.ScramCredentials;
import dev.mailcore.net.SaslServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding: the client proves it knows the password, the server
 * proves it knows the stored key, and the password never crosses the wire. Unknown logins go through the same steps
 * with made-up credentials and fail at the proof.
 */
public final class ScramSha256Sasl implements SaslServer {
    private static final int NONCE_BYTES = 18;
    private static final int DECOY_ITERATIONS = 4096;

    private final Directory directory;
    private final SecureRandom random;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    /** Null for an unknown login: then the made-up values below stand in and the proof always fails. */
    private ScramCredentials credentials;

    private byte[] salt;
    private int iterations;
    private byte[] storedKey;
    private byte[] serverKey;
    private int step;

    public ScramSha256Sasl(Directory directory, SecureRandom random) {
        this.directory = directory;
        this.random = random;
    }

    @Override
    public String mechanism() {
        return "SCRAM-SHA-256";
    }

    @Override
    public Step evaluate(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        return switch (step++) {
            case 0 -> response.length == 0 ? retryFirst() : clientFirst(text);
            case 1 -> clientFinal(text);
            // The client has checked the server's signature and sent an empty response.
            case 2 -> new Step.Success(credentials.account());
            default -> new Step.Failure("exchange already complete");
        };
    }

    /** No initial response: an empty challenge asks for the client-first message. */
    private Step retryFirst() {
        step = 0;
        if (gs2Header != null) {
            return new Step.Failure("empty response");
        }
        gs2Header = "";
        return new Step.Challenge(new byte[0]);
    }

    private Step clientFirst(String message) {
        String[] parts = message.split(",", 3);
        if (parts.length < 3) {
            return new Step.Failure("malformed client-first message");
        }
        if (parts[0].startsWith("p=")) {
            return new Step.Failure("channel binding is not supported");
        }
        if (!parts[0].equals("n") && !parts[0].equals("y")) {
            return new Step.Failure("malformed client-first message");
        }
        gs2Header = parts[0] + "," + parts[1] + ",";
        clientFirstBare = parts[2];
        Map<String, String> attributes = attributes(clientFirstBare);
        String user = attributes.get("n");
        String clientNonce = attributes.get("r");
        if (user == null || clientNonce == null || clientNonce.isEmpty() || attributes.containsKey("m")) {
            return new Step.Failure("malformed client-first message");
        }
        String login = saslName(user);
        String authzid = parts[1].startsWith("a=") ? saslName(parts[1].substring(2)) : "";
        if (login == null || authzid == null || (!authzid.isEmpty() && !authzid.equalsIgnoreCase(login))) {
            return new Step.Failure("authorization identity not allowed");
        }
        credentials = directory.scramCredentials(login).orElse(null);
        if (credentials != null) {
            salt = credentials.salt();
            iterations = credentials.iterations();
            storedKey = credentials.storedKey();
            serverKey = credentials.serverKey();
        } else {
            salt = bytes(16);
            iterations = DECOY_ITERATIONS;
            storedKey = bytes(32);
            serverKey = bytes(32);
        }
        nonce = clientNonce + Base64.getEncoder().encodeToString(bytes(NONCE_BYTES));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return new Step.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private Step clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            return new Step.Failure("malformed client-final message");
        }
        String withoutProof = message.substring(0, proofAt);
        Map<String, String> attributes = attributes(withoutProof);
        String binding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!binding.equals(attributes.get("c")) || !nonce.equals(attributes.get("r"))) {
            return new Step.Failure("channel binding or nonce mismatch");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return new Step.Failure("malformed proof");
        }
        byte[] authMessage =
                (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramCredentials.hmac(storedKey, authMessage);
        if (proof.length != clientSignature.length) {
            return new Step.Failure("invalid credentials");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey) || credentials == null) {
            return new Step.Failure("invalid credentials");
        }
        byte[] serverSignature = ScramCredentials.hmac(serverKey, authMessage);
        return new Step.Challenge(
                ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8));
    }

    /** Attributes {@code k=v} separated by commas; the first occurrence of a key wins. */
    private static Map<String, String> attributes(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String attribute : message.split(",")) {
            if (attribute.length() >= 2 && attribute.charAt(1) == '=') {
                out.putIfAbsent(attribute.substring(0, 1), attribute.substring(2));
            }
        }
        return out;
    }

    /** RFC 5802 saslname: "=2C" is a comma, "=3D" an equals sign; any other "=" is malformed (null). */
    private static String saslName(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (text.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (text.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
