/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.api.Account;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** {@code Identity/get}, {@code /changes} and {@code /set} (RFC 8621 §6). */
public final class IdentityMethods {
    private IdentityMethods() {}

    public static List<JmapMethod> all(AccountObjects identities) {
        return List.of(new Get(identities), new Changes(identities), new SetMethod(identities));
    }

    private static String state(AccountObjects identities, Account account) {
        return Long.toString(identities.state(account));
    }

    private record Get(AccountObjects identities) implements JmapMethod {
        @Override
        public String name() {
            return "Identity/get";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            return AccountObjectResponses.get(args, invocation, identities, IdentityJson.PROPERTIES);
        }
    }

    private record Changes(AccountObjects identities) implements JmapMethod {
        @Override
        public String name() {
            return "Identity/changes";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            return AccountObjectResponses.changes(args, invocation, identities);
        }
    }

    private record SetMethod(AccountObjects identities) implements JmapMethod {
        @Override
        public String name() {
            return "Identity/set";
        }

        @Override
        public String capability() {
            return Capabilities.SUBMISSION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            invocation.accountId(args);
            Account account = invocation.account();
            String oldState = state(identities, account);
            SetArguments set = SetArguments.parse(args, invocation, oldState);
            ObjectNode response = SetArguments.response(account.id().value(), oldState);
            set.create().forEach((creationId, spec) -> {
                String email = spec.path("email").asString("");
                if (!mayUse(account, email)) {
                    SetArguments.record(
                            response,
                            "notCreated",
                            creationId,
                            SetErrors.of("forbiddenFrom", "the account may not send from " + email));
                    return;
                }
                ObjectNode identity = IdentityJson.blank(null, email, true);
                String bad = IdentityJson.apply(identity, spec, true);
                if (bad != null) {
                    SetArguments.record(
                            response, "notCreated", creationId, SetErrors.invalidProperties("cannot set " + bad, bad));
                    return;
                }
                String id = identities.create(account, identity);
                invocation.createdIds().put(creationId, id);
                SetArguments.record(
                        response,
                        "created",
                        creationId,
                        Json.object().put("id", id).put("mayDelete", true));
            });
            set.update().forEach((id, patch) -> {
                ObjectNode identity = identities.get(account, invocation.resolveId(id));
                if (identity == null) {
                    SetArguments.record(response, "notUpdated", id, SetErrors.of("notFound", null));
                    return;
                }
                ObjectNode changes = patch.deepCopy();
                if (changes.path("email")
                        .asString("")
                        .equals(identity.path("email").asString())) {
                    changes.remove("email");
                }
                String bad = IdentityJson.apply(identity, changes, false);
                if (bad != null) {
                    SetArguments.record(
                            response, "notUpdated", id, SetErrors.invalidProperties("cannot set " + bad, bad));
                    return;
                }
                identities.replace(account, identity.get("id").asString(), identity);
                SetArguments.record(response, "updated", id, null);
            });
            for (String id : set.destroy()) {
                ObjectNode identity = identities.get(account, invocation.resolveId(id));
                if (identity == null) {
                    SetArguments.record(response, "notDestroyed", id, SetErrors.of("notFound", null));
                } else if (!identity.path("mayDelete").asBoolean()) {
                    SetArguments.record(
                            response, "notDestroyed", id, SetErrors.of("forbidden", "this identity cannot be deleted"));
                } else {
                    identities.destroy(account, identity.get("id").asString());
                    response.withArray("destroyed").add(id);
                }
            }
            SetArguments.finish(response, state(identities, account));
            return response;
        }

        /** The account's own addresses only, so an identity cannot claim someone else's. */
        private static boolean mayUse(Account account, String email) {
            String wanted = email.toLowerCase(Locale.ROOT);
            return account.primaryAddress().equalsIgnoreCase(wanted)
                    || account.addresses().stream().anyMatch(a -> a.equalsIgnoreCase(wanted));
        }
    }
}
