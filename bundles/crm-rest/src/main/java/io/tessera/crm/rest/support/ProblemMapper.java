package io.tessera.crm.rest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@code application/problem+json} answer. Clients never see a stack trace: an
 * unexpected error is logged with an incident id, and only that id is returned.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        Problem problem = toProblem(error);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (error instanceof StaleVersionException stale) {
            response.tag(Long.toString(stale.currentVersion()));
        }
        if (error instanceof WebApplicationException web && web.getResponse() != null) {
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> response.header(name, v));
                }
            });
        }
        return response.build();
    }

    static Problem toProblem(Throwable error) {
        if (error instanceof ValidationException e) {
            return problem("validation", "Invalid request", 400, e.getMessage(), e.errors());
        }
        if (error instanceof NotFoundException e) {
            return problem("not-found", "Not found", 404, e.getMessage(), null);
        }
        if (error instanceof StaleVersionException e) {
            return problem("stale-version", "The record has changed", 412, e.getMessage(), null);
        }
        if (error instanceof ConflictException e) {
            return problem("conflict", "Conflict", 409, e.getMessage(), null);
        }
        if (error instanceof AccessDeniedException e) {
            return problem("forbidden", "Forbidden", 403, e.getMessage(), null);
        }
        JsonProcessingException json = findJsonError(error);
        if (json != null) {
            FieldError field = fieldError(json);
            return problem("validation", "Invalid request", 400, field.field() + ": " + field.message(), List.of(field));
        }
        if (error instanceof WebApplicationException e && e.getResponse() != null && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            if (status == 400) {
                // CXF refuses an empty or unreadable body itself, before Jackson sees it
                return problem("validation", "Invalid request", 400, "body: is missing or not JSON",
                        List.of(new FieldError("body", "is missing or not JSON")));
            }
            return problem(status == 404 ? "not-found" : "http-" + status, reason, status, describe(status, e), null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, error);
        return problem("internal", "Internal error", 500, "Unexpected error; incident " + incident
                + " is in the server log", null);
    }

    private static String describe(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "only application/json can be produced";
            case 415 -> "send application/json";
            default -> e.getMessage();
        };
    }

    private static JsonProcessingException findJsonError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    static FieldError fieldError(JsonProcessingException error) {
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = path(mapping.getPath());
            if (error instanceof UnrecognizedPropertyException) {
                return new FieldError(path, "is not a known field");
            }
            if (error instanceof ValueInstantiationException && error.getCause() != null) {
                return new FieldError(path, error.getCause().getMessage());
            }
            if (error instanceof InvalidFormatException || error instanceof MismatchedInputException) {
                Class<?> target = ((MismatchedInputException) error).getTargetType();
                return new FieldError(path, "has the wrong type or format"
                        + (target == null ? "" : ": expected " + describeType(target)));
            }
            return new FieldError(path, "is not valid");
        }
        if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError("body", "must be " + describeType(mismatch.getTargetType()));
        }
        String message = error.getOriginalMessage() == null ? "malformed" : error.getOriginalMessage();
        return new FieldError("body", "is not valid JSON: " + message.lines().findFirst().orElse(message));
    }

    private static String describeType(Class<?> type) {
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "BigDecimal", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "Instant" -> "a timestamp such as 2026-11-23T10:00:00Z";
            case "LocalDate" -> "a date such as 2026-11-23";
            default -> "a " + type.getSimpleName().toLowerCase();
        };
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static Problem problem(String type, String title, int status, String detail, List<FieldError> errors) {
        return new Problem("urn:tessera:problem:" + type, title, status, detail, errors);
    }
}
