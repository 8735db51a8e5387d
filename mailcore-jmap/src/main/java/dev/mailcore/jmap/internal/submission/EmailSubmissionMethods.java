/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.api.Account;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import dev.mailcore.jmap.internal.QueryChanges;
import dev.mailcore.jmap.internal.QueryPage;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code EmailSubmission/get}, {@code /changes}, {@code /query}, {@code /queryChanges} and {@code /set} (RFC 8621
 * §7). A submission is sent at once ({@code undoStatus} is {@code final}); its record is kept by the handler in
 * memory.
 */
public final class EmailSubmissionMethods {
    private static final Set<String> PROPERTIES = Set.of(
            "id",
            "identityId",
            "emailId",
            "threadId",
            "envelope",
            "sendAt",
            "undoStatus",
            "deliveryStatus",
            "dsnBlobIds",
            "mdnBlobIds");

    private EmailSubmissionMethods() {}

    public static List<JmapMethod> all(AccountObjects identities, AccountObjects submissions, Delivery delivery) {
        return List.of(
                new Get(submissions),
                new Changes(submissions),
                new Query(submissions),
                new QueryChanges("EmailSubmission", Capabilities.SUBMISSION),
                new SetMethod(identities, submissions, delivery));
    }

    private record Get(AccountObjects submissions) implements JmapMethod {
        @Override
        public String name() {
            return "EmailSubmission/get";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            return AccountObjectResponses.get(args, invocation, submissions, PROPERTIES);
        }
    }

    private record Changes(AccountObjects submissions) implements JmapMethod {
        @Override
        public String name() {
            return "EmailSubmission/changes";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            return AccountObjectResponses.changes(args, invocation, submissions);
        }
    }

    private record Query(AccountObjects submissions) implements JmapMethod {
        @Override
        public String name() {
            return "EmailSubmission/query";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            invocation.accountId(args);
            Account account = invocation.account();
            List<ObjectNode> found = new ArrayList<>(submissions.list(account));
            JsonNode filter = args.get("filter");
            if (filter != null && !filter.isNull()) {
                found.removeIf(s -> !matches(s, filter));
            }
            ArrayNode sort = Json.optionalArray(args, "sort");
            boolean newestFirst = false;
            if (sort != null && !sort.isEmpty()) {
                JsonNode comparator = sort.get(0);
                if (sort.size() > 1 || !comparator.path("property").asString("").equals("sentAt")) {
                    throw new MethodError("unsupportedSort", "submissions sort by sentAt only");
                }
                newestFirst = !comparator.path("isAscending").asBoolean(true);
            }
            if (newestFirst) {
                found = found.reversed();
            }
            return QueryPage.respond(
                    args,
                    account.id().value(),
                    Long.toString(submissions.state(account)),
                    found.stream().map(s -> s.get("id").asString()).toList());
        }

        private static boolean matches(ObjectNode submission, JsonNode filter) {
            for (var condition : filter.properties()) {
                String key = condition.getKey();
                JsonNode value = condition.getValue();
                boolean ok = switch (key) {
                    case "identityIds", "emailIds", "threadIds" -> {
                        String property = key.substring(0, key.length() - 1);
                        boolean any = false;
                        for (JsonNode id : value) {
                            any |= id.asString("")
                                    .equals(submission.path(property).asString());
                        }
                        yield any;
                    }
                    case "undoStatus" ->
                        value.asString("").equals(submission.path("undoStatus").asString());
                    case "before" -> submission.path("sendAt").asString().compareTo(value.asString("")) < 0;
                    case "after" -> submission.path("sendAt").asString().compareTo(value.asString("")) >= 0;
                    default -> throw new MethodError("unsupportedFilter", "cannot filter by " + key);
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private record SetMethod(AccountObjects identities, AccountObjects submissions, Delivery delivery)
            implements JmapMethod {
        @Override
        public String name() {
            return "EmailSubmission/set";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            invocation.accountId(args);
            Account account = invocation.account();
            String oldState = Long.toString(submissions.state(account));
            SetArguments set = SetArguments.parse(args, invocation, oldState);
            ObjectNode response = SetArguments.response(account.id().value(), oldState);
            set.create().forEach((creationId, spec) -> create(invocation, account, creationId, spec, response));
            set.update().forEach((id, patch) -> {
                ObjectNode submission = submissions.get(account, invocation.resolveId(id));
                if (submission == null) {
                    SetArguments.record(response, "notUpdated", id, SetErrors.of("notFound", null));
                } else if (patch.size() == 1
                        && patch.path("undoStatus").asString("").equals("final")) {
                    SetArguments.record(response, "updated", id, null);
                } else if (patch.has("undoStatus")) {
                    SetArguments.record(
                            response, "notUpdated", id, SetErrors.of("cannotUnsend", "the message was sent"));
                } else {
                    SetArguments.record(
                            response,
                            "notUpdated",
                            id,
                            SetErrors.invalidProperties("only undoStatus can change", "undoStatus"));
                }
            });
            for (String id : set.destroy()) {
                String resolved = invocation.resolveId(id);
                if (submissions.get(account, resolved) == null) {
                    SetArguments.record(response, "notDestroyed", id, SetErrors.of("notFound", null));
                } else {
                    submissions.destroy(account, resolved);
                    response.withArray("destroyed").add(id);
                }
            }
            SetArguments.finish(response, Long.toString(submissions.state(account)));
            onSuccess(args, account, response, invocation);
            return response;
        }

        private void create(
                Invocation invocation, Account account, String creationId, ObjectNode spec, ObjectNode response) {
            ObjectNode identity = identities.get(
                    account, invocation.resolveId(spec.path("identityId").asString("")));
            if (identity == null) {
                SetArguments.record(
                        response,
                        "notCreated",
                        creationId,
                        SetErrors.invalidProperties("no such identity", "identityId"));
                return;
            }
            Email email = email(invocation, account, spec.path("emailId").asString(""));
            if (email == null) {
                SetArguments.record(
                        response, "notCreated", creationId, SetErrors.invalidProperties("no such email", "emailId"));
                return;
            }
            MessageSummary summary = email.summary();
            List<String> from = addresses(summary.from());
            if (from.isEmpty() || !from.stream().allMatch(a -> owns(account, a))) {
                SetArguments.record(
                        response,
                        "notCreated",
                        creationId,
                        SetErrors.of("forbiddenFrom", "the From header must name this account's addresses"));
                return;
            }
            ObjectNode envelope;
            try {
                envelope = envelope(spec.get("envelope"), summary);
            } catch (IllegalArgumentException e) {
                SetArguments.record(
                        response, "notCreated", creationId, SetErrors.invalidProperties(e.getMessage(), "envelope"));
                return;
            }
            String mailFrom = envelope.path("mailFrom").path("email").asString("");
            if (!owns(account, mailFrom)) {
                SetArguments.record(
                        response,
                        "notCreated",
                        creationId,
                        SetErrors.of("forbiddenMailFrom", "the account may not send as " + mailFrom));
                return;
            }
            List<String> rcptTo = new ArrayList<>();
            envelope.path("rcptTo").forEach(r -> rcptTo.add(r.path("email").asString("")));
            if (rcptTo.isEmpty()) {
                SetArguments.record(response, "notCreated", creationId, SetErrors.of("noRecipients", null));
                return;
            }
            Delivery.Outcome outcome;
            try {
                outcome = delivery.send(mailFrom, rcptTo, raw(invocation, account, email.id()));
            } catch (Delivery.Refused e) {
                ObjectNode error = SetErrors.of(e.type, e.getMessage());
                error.set("invalidRecipients", Json.strings(e.recipients));
                SetArguments.record(response, "notCreated", creationId, error);
                return;
            } catch (MailException e) {
                SetArguments.record(response, "notCreated", creationId, SetErrors.of(e));
                return;
            }
            String sendAt = Instant.now().toString();
            ObjectNode submission = Json.object()
                    .put("identityId", identity.get("id").asString())
                    .put("emailId", email.id().value())
                    .put("threadId", email.threadId().value());
            submission.set("envelope", envelope);
            submission.put("sendAt", sendAt).put("undoStatus", "final");
            ObjectNode status = submission.putObject("deliveryStatus");
            outcome.delivered()
                    .forEach((recipient, delivered) -> status.putObject(recipient)
                            .put("smtpReply", "250 2.0.0 OK")
                            .put("delivered", delivered)
                            .put("displayed", "unknown"));
            submission.putArray("dsnBlobIds");
            submission.putArray("mdnBlobIds");
            String id = submissions.create(account, submission);
            invocation.createdIds().put(creationId, id);
            SetArguments.record(
                    response,
                    "created",
                    creationId,
                    Json.object()
                            .put("id", id)
                            .put("threadId", email.threadId().value())
                            .put("sendAt", sendAt)
                            .put("undoStatus", "final"));
        }

        /** The explicit envelope, or one made from the email: Sender or From, and To, Cc and Bcc. */
        private static ObjectNode envelope(JsonNode given, MessageSummary summary) {
            if (given != null && !given.isNull()) {
                if (!given.path("mailFrom").path("email").isString()
                        || !given.path("rcptTo").isArray()) {
                    throw new IllegalArgumentException("an envelope has mailFrom and rcptTo");
                }
                for (JsonNode rcpt : given.get("rcptTo")) {
                    if (!rcpt.path("email").asString("").contains("@")) {
                        throw new IllegalArgumentException("each rcptTo has an email");
                    }
                }
                return (ObjectNode) given.deepCopy();
            }
            List<String> sender = addresses(summary.sender());
            String mailFrom = sender.isEmpty() ? addresses(summary.from()).getFirst() : sender.getFirst();
            Set<String> recipients = new LinkedHashSet<>();
            recipients.addAll(addresses(summary.to()));
            recipients.addAll(addresses(summary.cc()));
            recipients.addAll(addresses(summary.bcc()));
            ObjectNode envelope = Json.object();
            envelope.putObject("mailFrom").put("email", mailFrom).putNull("parameters");
            ArrayNode rcptTo = envelope.putArray("rcptTo");
            recipients.forEach(r -> rcptTo.addObject().put("email", r).putNull("parameters"));
            return envelope;
        }

        private static List<String> addresses(List<Address> addresses) {
            List<String> result = new ArrayList<>();
            if (addresses == null) {
                return result;
            }
            for (Address address : addresses) {
                switch (address) {
                    case EmailAddress single -> result.add(single.address());
                    case AddressGroup group -> group.members().forEach(m -> result.add(m.address()));
                }
            }
            return result;
        }

        private static boolean owns(Account account, String address) {
            String wanted = address.toLowerCase(Locale.ROOT);
            return account.primaryAddress().equalsIgnoreCase(wanted)
                    || account.addresses().stream().anyMatch(a -> a.equalsIgnoreCase(wanted));
        }

        private static Email email(Invocation invocation, Account account, String id) {
            try {
                EmailId emailId = EmailId.of(invocation.resolveId(id));
                return invocation
                        .store()
                        .messages()
                        .emails(account.id(), List.of(emailId))
                        .get(emailId);
            } catch (MailException | MethodError e) {
                return null;
            }
        }

        private static byte[] raw(Invocation invocation, Account account, EmailId email) {
            try (InputStream in = invocation.store().contents().open(account.id(), email)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Queues the implicit Email/set of onSuccessUpdateEmail and onSuccessDestroyEmail (RFC 8621 §7.5). */
        private void onSuccess(ObjectNode args, Account account, ObjectNode response, Invocation invocation) {
            ObjectNode updateEmail = Json.optionalObject(args, "onSuccessUpdateEmail");
            ArrayNode destroyEmail = Json.optionalArray(args, "onSuccessDestroyEmail");
            if (updateEmail == null && destroyEmail == null) {
                return;
            }
            ObjectNode emailSet = Json.object().put("accountId", account.id().value());
            ObjectNode update = Json.object();
            if (updateEmail != null) {
                for (Map.Entry<String, JsonNode> entry : updateEmail.properties()) {
                    String emailId = sentEmail(entry.getKey(), account, response, invocation);
                    if (emailId != null) {
                        update.set(emailId, entry.getValue());
                    }
                }
            }
            ArrayNode destroy = Json.array();
            if (destroyEmail != null) {
                for (JsonNode ref : destroyEmail) {
                    String emailId = sentEmail(ref.asString(""), account, response, invocation);
                    if (emailId != null) {
                        destroy.add(emailId);
                    }
                }
            }
            if (update.isEmpty() && destroy.isEmpty()) {
                return;
            }
            emailSet.set("update", update);
            emailSet.set("destroy", destroy);
            invocation.implicitCalls().add(new Invocation.ImplicitCall("Email/set", emailSet));
        }

        /** The email of a submission this call created or updated, named by id or {@code #creationId}. */
        private String sentEmail(String ref, Account account, ObjectNode response, Invocation invocation) {
            String id;
            if (ref.startsWith("#")) {
                JsonNode created = response.path("created").path(ref.substring(1));
                if (created.isMissingNode() || created.isNull()) {
                    return null;
                }
                id = created.get("id").asString();
            } else {
                if (!response.path("updated").has(ref)) {
                    return null;
                }
                id = ref;
            }
            ObjectNode submission = submissions.get(account, id);
            return submission == null ? null : submission.get("emailId").asString();
        }
    }
}
