/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BlobTest {
    private final JmapFixture jmap = new JmapFixture(b -> b.limits(JmapLimits.DEFAULTS.withMaxSizeUpload(1000)));

    @AfterEach
    void close() {
        jmap.close();
    }

    private HttpResponse<String> upload(String accountId, String content, String type) {
        return jmap.send(jmap.request("/jmap/upload/" + accountId + "/")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(content))
                .build());
    }

    @Test
    void anUploadedBlobDownloadsWithTheAskedType() {
        HttpResponse<String> uploaded = upload(jmap.accountId(), "hello, blob", "text/plain");

        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode reply = jmap.parse(uploaded.body());
        assertThat(reply.get("accountId").asString()).isEqualTo(jmap.accountId());
        assertThat(reply.get("type").asString()).isEqualTo("text/plain");
        assertThat(reply.get("size").asLong()).isEqualTo(11);
        String blobId = reply.get("blobId").asString();

        HttpResponse<String> download = jmap.send(
                jmap.request("/jmap/download/" + jmap.accountId() + "/" + blobId + "/my%20note+1.txt?accept=text/plain")
                        .GET()
                        .build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("hello, blob");
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("filename=\"my note+1.txt\""));
    }

    @Test
    void uploadsAreRefusedForOtherAccountsAndAboveTheLimit() {
        assertThat(upload(jmap.bob.value(), "x", "text/plain").statusCode()).isEqualTo(404);

        HttpResponse<String> big = upload(jmap.accountId(), "x".repeat(1001), "text/plain");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(jmap.parse(big.body()).get("limit").asString()).isEqualTo("maxSizeUpload");
    }

    @Test
    void emailsAndTheirPartsDownloadDecoded() {
        var appended = jmap.deliver("INBOX", """
                From: a@example.com
                To: alice@example.com
                Subject: parts
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                caf=C3=A9
                --b
                Content-Type: application/octet-stream; name=data.bin
                Content-Transfer-Encoding: base64

                aGVsbG8gd29ybGQ=
                --b--
                """);
        JsonNode email = jmap.call(
                        "Email/get",
                        "{\"accountId\":\"$A\",\"ids\":[\"" + appended.emailId().value()
                                + "\"],\"properties\":[\"blobId\",\"attachments\",\"textBody\"]}")
                .get("list")
                .get(0);

        String whole = download(email.get("blobId").asString(), "message/rfc822");
        assertThat(whole).contains("Subject: parts");
        assertThat(download(email.get("attachments").get(0).get("blobId").asString(), "application/octet-stream"))
                .isEqualTo("hello world");
        assertThat(download(email.get("textBody").get(0).get("blobId").asString(), "text/plain"))
                .startsWith("café");
    }

    @Test
    void unknownBlobsAndOtherAccountsAreNotFound() {
        HttpResponse<String> unknown =
                jmap.send(jmap.request("/jmap/download/" + jmap.accountId() + "/mnope/x?accept=a/b")
                        .GET()
                        .build());
        HttpResponse<String> garbage = jmap.send(jmap.request("/jmap/download/" + jmap.accountId() + "/zz!/x")
                .GET()
                .build());
        String blobId = jmap.parse(
                        upload(jmap.accountId(), "mine", "text/plain").body())
                .get("blobId")
                .asString();
        HttpResponse<String> foreign =
                jmap.send(jmap.request("/jmap/download/" + jmap.bob.value() + "/" + blobId + "/x")
                        .GET()
                        .build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(garbage.statusCode()).isIn(400, 404);
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    private String download(String blobId, String type) {
        HttpResponse<String> response =
                jmap.send(jmap.request("/jmap/download/" + jmap.accountId() + "/" + blobId + "/blob?accept=" + type)
                        .GET()
                        .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(type));
        return response.body();
    }
}
