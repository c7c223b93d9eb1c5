package org.afyadial.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NoSQL-injection guard of the REST API: a JSON body with a key starting with {@code $} (a MongoDB
 * operator such as {@code {"username":{"$ne":""}}}), at any depth, is refused with a 400 naming the
 * field, before any code can pass it to the store. Only {@code /api/**} bodies are read here; the
 * Africa's Talking webhooks are not slowed by it. Objects sent where a scalar is expected are
 * refused by the typed request records themselves. The path pattern is a regular expression for the reason
 * given on {@code AtWebhookGuard}: every USSD hop is a POST, so this filter's pattern is tried on each. The CSV
 * upload of {@code POST /api/v1/imports} is left out: it is no JSON, and binding it here would hold it whole in memory.
 */
@ServerFilter(value = "/api(?!/v1/imports/?$)(/.*)?", patternStyle = FilterPatternStyle.REGEX,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
class OperatorKeyGuard {

    private final JsonMapper json;
    private final ErrorResponseProcessor<?> processor;

    OperatorKeyGuard(JsonMapper json, ErrorResponseProcessor<?> processor) {
        this.json = json;
        this.processor = processor;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseOperatorKeys(HttpRequest<?> request, @Body @Nullable byte[] body) {
        if (body == null || body.length == 0 || !isJson(request)) {
            return null;
        }
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (IOException unreadable) {
            return null; // the controller answers malformed JSON with its own 400
        }
        return operatorKey(tree, "")
                .map(field -> ErrorHandlers.problem(processor, request, null, HttpStatus.BAD_REQUEST,
                        "Field names starting with '$' are not accepted",
                        List.of(new ErrorHandlers.FieldError(field, "'$' starts a database operator, not a field name"))))
                .orElse(null);
    }

    /** Micronaut reads a body without a content type as JSON, so this guard does too. */
    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.getSubtype().endsWith("json")).orElse(true);
    }

    /** The path of the first {@code $} key, e.g. {@code username.$ne} or {@code items[2].$where}. */
    private static Optional<String> operatorKey(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (entry.getKey().startsWith("$")) {
                    return Optional.of(field);
                }
                Optional<String> nested = operatorKey(entry.getValue(), field);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> nested = operatorKey(node.get(i), path + "[" + i + "]");
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
