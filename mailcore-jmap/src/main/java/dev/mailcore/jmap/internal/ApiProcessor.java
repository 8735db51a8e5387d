/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.MailException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one API request (RFC 8620 §3.3): checks its shape and {@code using}, then each method call in order, with
 * back-references resolved and errors turned into error responses.
 */
public final class ApiProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ApiProcessor.class);

    private final Map<String, JmapMethod> methods;
    private final Set<String> capabilities;

    public ApiProcessor(List<JmapMethod> methods) {
        Map<String, JmapMethod> byName = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (JmapMethod method : methods) {
            byName.put(method.name(), method);
            known.add(method.capability());
        }
        // WebSocket has no methods of its own, but the session lists it, so a client may name it in using.
        known.add(Capabilities.WEBSOCKET);
        this.methods = Map.copyOf(byName);
        this.capabilities = Set.copyOf(known);
    }

    public Set<String> capabilities() {
        return capabilities;
    }

    /**
     * The response document for a request body.
     *
     * @throws RequestError.Failure when the request as a whole is refused
     */
    public ObjectNode process(JsonNode request, Invocation invocation, String sessionState) {
        Set<String> using = using(request);
        ArrayNode calls = calls(request, invocation.limits().maxCallsInRequest());
        ObjectNode createdIdsIn = Json.optionalObjectOrNull(request, "createdIds");
        if (createdIdsIn != null) {
            createdIdsIn
                    .properties()
                    .forEach(e ->
                            invocation.createdIds().put(e.getKey(), e.getValue().asString()));
        }
        List<ResultReferences.Earlier> responses = new ArrayList<>();
        for (JsonNode call : calls) {
            String name = call.get(0).stringValue();
            String callId = call.get(2).stringValue();
            responses.addAll(invoke(name, (ObjectNode) call.get(1), callId, using, invocation, responses));
            List<Invocation.ImplicitCall> implicit = List.copyOf(invocation.implicitCalls());
            invocation.implicitCalls().clear();
            for (Invocation.ImplicitCall follow : implicit) {
                responses.addAll(invoke(follow.name(), follow.arguments(), callId, using, invocation, responses));
            }
        }
        ArrayNode out = Json.array();
        for (ResultReferences.Earlier response : responses) {
            out.add(Json.array().add(response.name()).add(response.arguments()).add(response.callId()));
        }
        ObjectNode document = Json.object();
        document.set("methodResponses", out);
        if (createdIdsIn != null) {
            ObjectNode createdIds = Json.object();
            invocation.createdIds().forEach(createdIds::put);
            document.set("createdIds", createdIds);
        }
        document.put("sessionState", sessionState);
        return document;
    }

    private List<ResultReferences.Earlier> invoke(
            String name,
            ObjectNode args,
            String callId,
            Set<String> using,
            Invocation invocation,
            List<ResultReferences.Earlier> earlier) {
        try {
            JmapMethod method = methods.get(name);
            if (method == null || !using.contains(method.capability())) {
                throw MethodError.unknownMethod("unknown method " + name);
            }
            ObjectNode resolved = ResultReferences.resolve(args, earlier);
            return List.of(new ResultReferences.Earlier(name, method.call(resolved, invocation), callId));
        } catch (MethodError e) {
            return List.of(error(e, callId));
        } catch (MailException e) {
            return List.of(error(MethodError.from(e), callId));
        } catch (JacksonException e) {
            // An argument of the wrong JSON type that a method read without checking.
            return List.of(error(MethodError.invalidArguments("an argument has the wrong type"), callId));
        } catch (RuntimeException e) {
            LOG.warn("{} failed", name, e);
            return List.of(error(new MethodError("serverFail", "the server could not run " + name), callId));
        }
    }

    private static ResultReferences.Earlier error(MethodError e, String callId) {
        ObjectNode args = Json.object().put("type", e.type());
        if (e.getMessage() != null) {
            args.put("description", e.getMessage());
        }
        return new ResultReferences.Earlier("error", args, callId);
    }

    private Set<String> using(JsonNode request) {
        JsonNode using = request.get("using");
        if (!request.isObject() || using == null || !using.isArray()) {
            throw new RequestError.Failure(RequestError.notRequest("the request needs a using array"));
        }
        Set<String> result = new HashSet<>();
        for (JsonNode capability : using) {
            if (!capability.isString()) {
                throw new RequestError.Failure(RequestError.notRequest("using holds strings only"));
            }
            if (!capabilities.contains(capability.stringValue())) {
                throw new RequestError.Failure(RequestError.unknownCapability(capability.stringValue()));
            }
            result.add(capability.stringValue());
        }
        return result;
    }

    private static ArrayNode calls(JsonNode request, int maxCalls) {
        JsonNode calls = request.get("methodCalls");
        if (calls == null || !calls.isArray()) {
            throw new RequestError.Failure(RequestError.notRequest("the request needs a methodCalls array"));
        }
        for (JsonNode call : calls) {
            boolean ok = call.isArray()
                    && call.size() == 3
                    && call.get(0).isString()
                    && call.get(1).isObject()
                    && call.get(2).isString();
            if (!ok) {
                throw new RequestError.Failure(
                        RequestError.notRequest("each method call is [name, arguments, callId]"));
            }
        }
        if (calls.size() > maxCalls) {
            throw new RequestError.Failure(
                    RequestError.limit("maxCallsInRequest", "at most " + maxCalls + " method calls in one request"));
        }
        JsonNode createdIds = request.get("createdIds");
        if (createdIds != null && !createdIds.isNull() && !createdIds.isObject()) {
            throw new RequestError.Failure(RequestError.notRequest("createdIds must be an object"));
        }
        return (ArrayNode) calls;
    }
}
