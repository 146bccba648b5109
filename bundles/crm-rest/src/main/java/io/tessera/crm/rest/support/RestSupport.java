package io.tessera.crm.rest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** Request and response helpers shared by every resource. */
public final class RestSupport {
    /** Request attribute under which the authentication filter leaves the {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "io.tessera.crm.caller";
    private static final ObjectMapper MAPPER = Json.newMapper();

    private RestSupport() {
    }

    public static Caller caller(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER_ATTRIBUTE);
        if (caller instanceof Caller c) {
            return c;
        }
        // The filter rejects unauthenticated requests before they reach a resource; this is a wiring error.
        throw new IllegalStateException("request reached a resource without an authenticated caller");
    }

    /** The request body, or 400 when the client sent JSON {@code null}. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new ValidationException("body", "is required");
        }
        return body;
    }

    public static Paging paging(String limit, String cursor) {
        Long value = longParam("limit", limit);
        if (value != null && (value < 1 || value > Paging.MAX_LIMIT)) {
            throw new ValidationException("limit", "must be between 1 and " + Paging.MAX_LIMIT);
        }
        return Paging.of(value == null ? null : value.intValue(), cursor);
    }

    public static Long longParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    public static Boolean boolParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new ValidationException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    public static Response created(UriInfo uri, long id, long version, Object body) {
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(id)).build();
        return Response.created(location).tag(etag(version)).entity(body).build();
    }

    public static Response ok(long version, Object body) {
        return Response.ok(body).tag(etag(version)).build();
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the client edited: the {@code If-Match} header wins, then a {@code version} field in the body, and
     * without either the current version (the client did not ask for optimistic locking).
     */
    public static long expectedVersion(String ifMatch, JsonNode body, long current) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.equals("*")) {
                return current;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw new ValidationException("If-Match", "must be the ETag of the record, e.g. \"3\"");
            }
        }
        if (body != null && body.has("version")) {
            JsonNode version = body.get("version");
            if (!version.canConvertToExactIntegral() || !version.isNumber()) {
                throw new ValidationException("version", "must be a whole number");
            }
            return version.asLong();
        }
        return current;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the client-settable fields of {@code current} and reads the result as
     * {@code inputType}. A {@code version} field is allowed (it is the optimistic lock, see {@link #expectedVersion});
     * any other field that is not part of the input answers 400 naming it.
     */
    public static <I extends Record> I merge(Object current, JsonNode patch, Class<I> inputType) {
        if (!(patch instanceof ObjectNode patchObject)) {
            throw new ValidationException("body", "must be a JSON object");
        }
        Set<String> fields = Arrays.stream(inputType.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        List<FieldError> unknown = new ArrayList<>();
        patchObject.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name) && !name.equals("version")) {
                unknown.add(new FieldError(name, "is not a known field"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        ObjectNode base = MAPPER.valueToTree(current);
        base.retain(fields);
        ObjectNode changes = patchObject.deepCopy();
        changes.remove("version");
        mergeInto(base, changes);
        try {
            return MAPPER.treeToValue(base, inputType);
        } catch (JsonProcessingException e) {
            throw new ValidationException(List.of(ProblemMapper.fieldError(e)));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("body", e.getMessage());
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> change = it.next();
            JsonNode existing = target.get(change.getKey());
            if (change.getValue().isObject() && existing instanceof ObjectNode existingObject) {
                mergeInto(existingObject, (ObjectNode) change.getValue());
                removeNulls(existingObject);
            } else {
                target.set(change.getKey(), change.getValue());
            }
        }
    }

    private static void removeNulls(ObjectNode node) {
        List<String> nulls = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        nulls.forEach(node::remove);
    }
}
