/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677), computed with javax.crypto, messages in base64. */
public final class ScramClient {
    private static final String NONCE = "rOprNGfwEbeRWgbNEkqO";
    private final String user;
    private final String password;
    private String authMessage;
    private byte[] salted;

    public ScramClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** The client-first message. */
    public String first() {
        return base64("n,," + firstBare());
    }

    /** The client-final message answering the server-first one. */
    public String answer(String serverFirstBase64) throws GeneralSecurityException {
        String serverFirst = decode(serverFirstBase64);
        String nonce = attribute(serverFirst, "r");
        if (!nonce.startsWith(NONCE) || nonce.length() <= NONCE.length()) {
            throw new AssertionError("the server's nonce does not extend the client's: " + serverFirst);
        }
        byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, "s"));
        int iterations = Integer.parseInt(attribute(serverFirst, "i"));
        salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        String withoutProof = "c=biws,r=" + nonce;
        authMessage = firstBare() + "," + serverFirst + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return base64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** The server-final message a server that knows the password sends. */
    public String expectedServerFinal() throws GeneralSecurityException {
        return base64("v=" + Base64.getEncoder().encodeToString(hmac(hmac(salted, "Server Key"), authMessage)));
    }

    private String firstBare() {
        return "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + NONCE;
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String attribute(String message, String key) {
        for (String part : message.split(",")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + message);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
