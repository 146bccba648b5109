package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.rest.support.RestSupport;
import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * /api/v1/analytics: {@code funnel}, {@code win-rate}, {@code loss-reasons}, {@code managers}, {@code forecast},
 * {@code sources} as JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv}; {@code funnel.png} and
 * {@code forecast.png} (optional {@code width}, {@code height}). Query parameters: {@code pipelineId}, {@code from},
 * {@code to} (ISO dates).
 */
@Path("/")
public class AnalyticsResource {
    static final String CSV = "text/csv";

    private final AnalyticsService analytics;

    AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    /** The parameters every figure takes. */
    private record Params(Caller caller, Long pipelineId, String from, String to) {
    }

    private interface Figure<T> {
        T compute(Params p);
    }

    private static <T> Response answer(HttpServletRequest rq, String pipelineId, String from, String to,
                                       String format, String accept, String name, Figure<T> figure,
                                       Function<T, String> csv) {
        boolean asCsv = wantsCsv(format, accept);
        T result = figure.compute(new Params(RestSupport.caller(rq), RestSupport.longParam("pipelineId", pipelineId),
                from, to));
        if (asCsv) {
            return Response.ok(csv.apply(result), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase()) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new ValidationException("format", "must be json or csv");
            };
        }
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase();
        return a.contains(CSV) && !a.contains("application/json");
    }

    @GET
    @Path("funnel")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response funnel(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(rq, pipelineId, from, to, format, accept, "funnel",
                p -> analytics.funnel(p.caller(), p.pipelineId(), p.from(), p.to()), Csv::funnel);
    }

    @GET
    @Path("win-rate")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response winRate(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(rq, pipelineId, from, to, format, accept, "win-rate",
                p -> analytics.winRate(p.caller(), p.pipelineId(), p.from(), p.to()), Csv::winRate);
    }

    @GET
    @Path("loss-reasons")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response lossReasons(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(rq, pipelineId, from, to, format, accept, "loss-reasons",
                p -> analytics.lossReasons(p.caller(), p.pipelineId(), p.from(), p.to()), Csv::lossReasons);
    }

    @GET
    @Path("managers")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response managers(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(rq, pipelineId, from, to, format, accept, "managers",
                p -> analytics.managers(p.caller(), p.pipelineId(), p.from(), p.to()), Csv::managers);
    }

    @GET
    @Path("forecast")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response forecast(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(rq, pipelineId, from, to, format, accept, "forecast",
                p -> analytics.forecast(p.caller(), p.pipelineId(), p.from(), p.to()), Csv::forecast);
    }

    @GET
    @Path("sources")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response sources(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return answer(rq, pipelineId, from, to, format, accept, "sources",
                p -> analytics.sources(p.caller(), p.pipelineId(), p.from(), p.to()), Csv::sources);
    }

    @GET
    @Path("funnel.png")
    @Produces("image/png")
    public Response funnelPng(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("width") String width, @QueryParam("height") String height) {
        int w = Charts.size("width", RestSupport.longParam("width", width), Charts.DEFAULT_WIDTH);
        int h = Charts.size("height", RestSupport.longParam("height", height), Charts.DEFAULT_HEIGHT);
        return png(Charts.funnel(analytics.funnel(RestSupport.caller(rq),
                RestSupport.longParam("pipelineId", pipelineId), from, to), w, h));
    }

    @GET
    @Path("forecast.png")
    @Produces("image/png")
    public Response forecastPng(@Context HttpServletRequest rq, @QueryParam("pipelineId") String pipelineId,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("width") String width, @QueryParam("height") String height) {
        int w = Charts.size("width", RestSupport.longParam("width", width), Charts.DEFAULT_WIDTH);
        int h = Charts.size("height", RestSupport.longParam("height", height), Charts.DEFAULT_HEIGHT);
        return png(Charts.forecast(analytics.forecast(RestSupport.caller(rq),
                RestSupport.longParam("pipelineId", pipelineId), from, to), w, h));
    }

    private static Response png(byte[] bytes) {
        return Response.ok(bytes, "image/png").header("Cache-Control", "no-store").build();
    }
}
