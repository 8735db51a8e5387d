/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BlobMethodsTest {
    private static final String BLOB = "urn:ietf:params:jmap:blob";
    private static final String USING =
            "[\"urn:ietf:params:jmap:core\",\"urn:ietf:params:jmap:mail\",\"" + BLOB + "\"]";

    private final JmapFixture jmap = new JmapFixture(b -> b.limits(JmapLimits.DEFAULTS.withMaxSizeUpload(1000)));

    @AfterEach
    void close() {
        jmap.close();
    }

    private JsonNode responses(String methodCalls) {
        return jmap.apiUsing(USING, methodCalls).get("methodResponses");
    }

    private JsonNode call(String name, String arguments) {
        return jmap.callUsing(BLOB, name, arguments);
    }

    private static String digest(String algorithm, String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSessionDescribesBlobSupport() {
        JsonNode session = jmap.parse(
                jmap.send(jmap.request("/.well-known/jmap").GET().build()).body());

        assertThat(session.get("capabilities").has(BLOB)).isTrue();
        JsonNode account = session.get("accounts")
                .get(jmap.accountId())
                .get("accountCapabilities")
                .get(BLOB);
        assertThat(account.get("maxSizeBlobSet").asLong()).isEqualTo(1000);
        assertThat(account.get("maxDataSources").asInt()).isEqualTo(64);
        assertThat(account.get("supportedTypeNames").toString()).isEqualTo("[\"Mailbox\",\"Thread\",\"Email\"]");
        assertThat(account.get("supportedDigestAlgorithms").toString()).isEqualTo("[\"sha\",\"sha-256\"]");
        assertThat(session.get("primaryAccounts").get(BLOB).asString()).isEqualTo(jmap.accountId());
    }

    @Test
    void uploadJoinsTextBase64AndRangesAndGetReadsItBack() throws Exception {
        JsonNode responses = responses("""
                [["Blob/upload",{"accountId":"$A","create":{
                   "a":{"data":[{"data:asText":"Hello, "},{"data:asBase64":"d29ybGQ="}],"type":"text/plain"},
                   "b":{"data":[{"blobId":"#a","offset":7,"length":5},{"data:asText":"!"}]}}},"u"],
                 ["Blob/get",{"accountId":"$A","ids":["#a","#b"],
                   "properties":["data:asText","size","digest:sha","digest:sha-256"]},"g"]]""");

        JsonNode created = responses.get(0).get(1).get("created");
        assertThat(created.get("a").get("type").asString()).isEqualTo("text/plain");
        assertThat(created.get("a").get("size").asInt()).isEqualTo(12);
        assertThat(created.get("b").get("type").asString()).isEqualTo("application/octet-stream");
        assertThat(responses.get(0).get(1).get("notCreated").isNull()).isTrue();

        JsonNode list = responses.get(1).get(1).get("list");
        assertThat(list.get(0).get("id").asString())
                .isEqualTo(created.get("a").get("id").asString());
        assertThat(list.get(0).get("data:asText").asString()).isEqualTo("Hello, world");
        assertThat(list.get(0).get("digest:sha").asString()).isEqualTo(digest("SHA-1", "Hello, world"));
        assertThat(list.get(0).get("digest:sha-256").asString()).isEqualTo(digest("SHA-256", "Hello, world"));
        assertThat(list.get(1).get("data:asText").asString()).isEqualTo("world!");
        assertThat(list.get(1).get("size").asInt()).isEqualTo(6);
        assertThat(list.get(1).has("isEncodingProblem")).isFalse();
        assertThat(list.get(1).has("isTruncated")).isFalse();

        // A blob made by Blob/upload downloads like an HTTP upload.
        String blobId = created.get("a").get("id").asString();
        assertThat(jmap.send(jmap.request("/jmap/download/" + jmap.accountId() + "/" + blobId + "/x.txt")
                                .GET()
                                .build())
                        .body())
                .isEqualTo("Hello, world");
    }

    @Test
    void getTakesRangesAndSaysWhenTextIsBrokenOrCut() throws Exception {
        String binary = Base64.getEncoder().encodeToString(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe});
        JsonNode created = call(
                        "Blob/upload",
                        "{\"accountId\":\"$A\",\"create\":{\"t\":{\"data\":[{\"data:asText\":\"0123456789\"}]},"
                                + "\"x\":{\"data\":[{\"data:asBase64\":\"" + binary + "\"}]}}}")
                .get("created");
        String text = created.get("t").get("id").asString();
        String bin = created.get("x").get("id").asString();

        JsonNode range = call(
                        "Blob/get",
                        "{\"accountId\":\"$A\",\"ids\":[\"" + text + "\"],\"offset\":4,\"length\":3,"
                                + "\"properties\":[\"data:asText\",\"data:asBase64\",\"digest:sha\",\"size\"]}")
                .get("list")
                .get(0);
        assertThat(range.get("data:asText").asString()).isEqualTo("456");
        assertThat(range.get("data:asBase64").asString())
                .isEqualTo(Base64.getEncoder().encodeToString("456".getBytes(StandardCharsets.UTF_8)));
        assertThat(range.get("digest:sha").asString()).isEqualTo(digest("SHA-1", "456"));
        assertThat(range.get("size").asInt()).isEqualTo(10);
        assertThat(range.has("isTruncated")).isFalse();

        JsonNode cut = call(
                        "Blob/get",
                        "{\"accountId\":\"$A\",\"ids\":[\"" + text + "\"],\"offset\":8,\"length\":10,"
                                + "\"properties\":[\"data:asText\"]}")
                .get("list")
                .get(0);
        assertThat(cut.get("data:asText").asString()).isEqualTo("89");
        assertThat(cut.get("isTruncated").asBoolean()).isTrue();

        JsonNode broken = call(
                        "Blob/get", "{\"accountId\":\"$A\",\"ids\":[\"" + bin + "\"],\"properties\":[\"data:asText\"]}")
                .get("list")
                .get(0);
        assertThat(broken.get("data:asText").isNull()).isTrue();
        assertThat(broken.get("isEncodingProblem").asBoolean()).isTrue();

        JsonNode either = call("Blob/get", "{\"accountId\":\"$A\",\"ids\":[\"" + bin + "\",\"" + text + "\"]}");
        assertThat(either.get("list").get(0).get("data:asBase64").asString()).isEqualTo(binary);
        assertThat(either.get("list").get(0).get("size").asInt()).isEqualTo(4);
        assertThat(either.get("list").get(1).get("data:asText").asString()).isEqualTo("0123456789");
    }

    @Test
    void getAnswersNotFoundAndRefusesBadArguments() {
        JsonNode missing = call("Blob/get", "{\"accountId\":\"$A\",\"ids\":[\"unope\",\"zzz\"]}");
        assertThat(missing.get("list")).isEmpty();
        assertThat(missing.get("notFound").toString()).isEqualTo("[\"unope\",\"zzz\"]");

        assertThat(call("Blob/get", "{\"accountId\":\"$A\",\"ids\":[],\"properties\":[\"digest:md5\"]}")
                        .get("type")
                        .asString())
                .isEqualTo("invalidArguments");
        assertThat(call("Blob/get", "{\"accountId\":\"$A\",\"ids\":null}")
                        .get("type")
                        .asString())
                .isEqualTo("invalidArguments");
        assertThat(call("Blob/get", "{\"accountId\":\"$A\",\"ids\":[],\"offset\":-1}")
                        .get("type")
                        .asString())
                .isEqualTo("invalidArguments");
        assertThat(call("Blob/get", "{\"accountId\":\"" + jmap.bob.value() + "\",\"ids\":[]}")
                        .get("type")
                        .asString())
                .isEqualTo("accountNotFound");
        assertThat(jmap.call("Blob/get", "{\"accountId\":\"$A\",\"ids\":[]}")
                        .get("type")
                        .asString())
                .as("without the blob capability in using")
                .isEqualTo("unknownMethod");
    }

    @Test
    void uploadRefusesEachBadCreationWithItsSetError() {
        String sixtyFive = "{\"data:asText\":\"x\"},".repeat(65).replaceAll(",$", "");
        JsonNode response = call("Blob/upload", """
                {"accountId":"$A","create":{
                  "twoKinds":{"data":[{"data:asText":"a","data:asBase64":"YQ=="}]},
                  "noData":{"data":[]},
                  "badBase64":{"data":[{"data:asBase64":"!!!"}]},
                  "unknownBlob":{"data":[{"blobId":"unope"}]},
                  "unknownCreation":{"data":[{"blobId":"#later"}]},
                  "pastTheEnd":{"data":[{"blobId":"#ok","offset":1,"length":5}]},
                  "ok":{"data":[{"data:asText":"abc"}]},
                  "pastTheEnd2":{"data":[{"blobId":"#ok","offset":1,"length":5}]},
                  "offsetWithText":{"data":[{"data:asText":"abc","offset":1}]},
                  "tooLarge":{"data":[{"data:asText":"%s"}]},
                  "tooMany":{"data":[%s]}}}""".formatted("y".repeat(1001), sixtyFive));

        JsonNode notCreated = response.get("notCreated");
        assertThat(notCreated.get("twoKinds").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(notCreated.get("noData").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(notCreated.get("badBase64").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(notCreated.get("unknownBlob").get("type").asString()).isEqualTo("blobNotFound");
        assertThat(notCreated.get("unknownBlob").get("notFound").toString()).isEqualTo("[\"unope\"]");
        assertThat(notCreated.get("unknownCreation").get("type").asString()).isEqualTo("blobNotFound");
        assertThat(notCreated.get("pastTheEnd").get("type").asString())
                .as("#ok is not created yet")
                .isEqualTo("blobNotFound");
        assertThat(notCreated.get("pastTheEnd2").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(notCreated.get("offsetWithText").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(notCreated.get("tooLarge").get("type").asString()).isEqualTo("tooLarge");
        assertThat(notCreated.get("tooMany").get("type").asString()).isEqualTo("invalidProperties");
        assertThat(response.get("created").properties()).hasSize(1);
        assertThat(response.get("created").get("ok").get("size").asInt()).isEqualTo(3);

        assertThat(call("Blob/upload", "{\"accountId\":\"" + jmap.bob.value() + "\",\"create\":{}}")
                        .get("type")
                        .asString())
                .isEqualTo("accountNotFound");
    }

    @Test
    void lookupNamesTheEmailThreadAndMailboxOfABlob() {
        jmap.deliver("INBOX", "From: a@example.com\nSubject: lookup\n\nbody\n");
        JsonNode email = jmap.call("Email/query", "{\"accountId\":\"$A\"}").get("ids");
        String emailId = email.get(0).asString();
        JsonNode got = jmap.call(
                        "Email/get",
                        "{\"accountId\":\"$A\",\"ids\":[\"" + emailId + "\"],\"properties\":[\"blobId\",\"threadId\"]}")
                .get("list")
                .get(0);
        String blobId = got.get("blobId").asString();
        String upload = jmap.upload("loose", "text/plain");

        JsonNode response = call(
                "Blob/lookup",
                "{\"accountId\":\"$A\",\"typeNames\":[\"Email\",\"Thread\",\"Mailbox\"],\"ids\":[\"" + blobId + "\",\""
                        + upload + "\",\"mnope\"]}");

        JsonNode list = response.get("list");
        assertThat(list.get(0).get("id").asString()).isEqualTo(blobId);
        JsonNode matched = list.get(0).get("matchedIds");
        assertThat(matched.get("Email").toString()).isEqualTo("[\"" + emailId + "\"]");
        assertThat(matched.get("Thread").toString())
                .isEqualTo("[\"" + got.get("threadId").asString() + "\"]");
        assertThat(matched.get("Mailbox").toString())
                .isEqualTo("[\"" + jmap.mailbox("INBOX").id().value() + "\"]");
        assertThat(list.get(1).get("matchedIds").get("Email")).isEmpty();
        assertThat(response.get("notFound").toString()).isEqualTo("[\"mnope\"]");

        assertThat(call("Blob/lookup", "{\"accountId\":\"$A\",\"typeNames\":[\"Calendar\"],\"ids\":[]}")
                        .get("type")
                        .asString())
                .isEqualTo("unknownDataType");
        assertThat(call("Blob/lookup", "{\"accountId\":\"$A\",\"ids\":[]}")
                        .get("type")
                        .asString())
                .isEqualTo("invalidArguments");
    }
}
