package io.github.mlhighway.lifecycle.core.release.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The instant-query endpoint ({@code GET /api/v1/query}) of one Prometheus server, over the JDK HTTP client. Never
 * throws for what the server does: every failure is a {@link QueryAnswer.Failure} with a reason. The bearer token
 * is sent as a header only and never appears in a reason or in {@link #toString()}.
 */
final class PrometheusApi {

    private static final int SHOWN_BODY = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Duration timeout;
    private final @Nullable String bearerToken;
    private final HttpClient client;

    PrometheusApi(URI baseUrl, Duration timeout, @Nullable String bearerToken) {
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
        this.bearerToken = bearerToken;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Evaluates an instant query.
     *
     * @param promql the query
     * @param at     the evaluation time ({@code time} parameter)
     * @return the vector, or why there is none
     */
    QueryAnswer query(String promql, Instant at) {
        String uri = base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
                + time(at) + "&timeout=" + Math.max(1, timeout.toMillis()) + "ms";
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).header("Accept", "application/json")
                    .GET();
        } catch (IllegalArgumentException e) {
            return new QueryAnswer.Failure("cannot form a request URL (" + redact(e.getMessage()) + ")");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new QueryAnswer.Failure("is unreachable (no connection within " + timeout + ")");
        } catch (HttpTimeoutException e) {
            return new QueryAnswer.Failure("did not answer within " + timeout);
        } catch (ConnectException e) {
            return new QueryAnswer.Failure("is unreachable (" + describe(e) + ")");
        } catch (IOException e) {
            return new QueryAnswer.Failure("is unreachable or broke the connection (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueryAnswer.Failure("was not asked: the reading thread was interrupted");
        }
        return parse(response.statusCode(), response.body());
    }

    /** Parses one answer of {@code /api/v1/query}. */
    QueryAnswer parse(int status, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root != null && "error".equals(root.path("status").asText())) {
            return new QueryAnswer.Failure("answered HTTP " + status + " with error " + root.path("errorType").asText("?")
                    + ": " + redact(root.path("error").asText("(no message)")));
        }
        if (status != 200) {
            return new QueryAnswer.Failure("answered HTTP " + status + (body == null || body.isBlank() ? ""
                    : ": " + shorten(body)));
        }
        if (root == null || !root.isObject()) {
            return new QueryAnswer.Failure("answered something that is not Prometheus JSON: " + shorten(body));
        }
        if (!"success".equals(root.path("status").asText())) {
            return new QueryAnswer.Failure("answered status '" + root.path("status").asText("(none)")
                    + "' instead of 'success': " + shorten(body));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText("(none)");
        if (!"vector".equals(type)) {
            return new QueryAnswer.Failure("answered a result of type '" + type + "', expected an instant vector: "
                    + shorten(body));
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            return new QueryAnswer.Failure("answered a vector without a result array: " + shorten(body));
        }
        List<QueryAnswer.Sample> samples = new ArrayList<>();
        for (JsonNode series : result) {
            JsonNode metric = series.path("metric");
            JsonNode value = series.path("value");
            if (!metric.isObject() || !value.isArray() || value.size() != 2 || !value.get(1).isTextual()) {
                return new QueryAnswer.Failure("answered a series that is not {metric, value: [time, \"number\"]}: "
                        + shorten(series.toString()));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> label : metric.properties()) {
                labels.put(label.getKey(), label.getValue().asText());
            }
            samples.add(new QueryAnswer.Sample(labels, value.get(1).asText()));
        }
        return new QueryAnswer.Vector(samples);
    }

    /** The server as messages name it: its base URL (which holds no user info: the builder refuses it). */
    @Override
    public String toString() {
        return base;
    }

    /** The text with the bearer token (if any) replaced. */
    String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String token = bearerToken;
        return token == null ? text : text.replace(token, "<token>");
    }

    private String shorten(String body) {
        String text = redact(body == null ? "" : body.strip());
        text = text.replaceAll("\\s+", " ");
        return text.length() <= SHOWN_BODY ? "'" + text + "'" : "'" + text.substring(0, SHOWN_BODY) + "...'";
    }

    private String describe(Exception e) {
        String message = e.getMessage();
        return redact(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }

    private static String time(Instant at) {
        long millis = Math.floorMod(at.toEpochMilli(), 1000L);
        return Math.floorDiv(at.toEpochMilli(), 1000L) + "." + String.format(java.util.Locale.ROOT, "%03d", millis);
    }

}
