package io.github.mlhighway.lifecycle.core.release.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loopback HTTP server answering {@code /api/v1/query} with canned Prometheus JSON, chosen by the query text;
 * it records every request it gets.
 */
final class FakePrometheus implements AutoCloseable {

    /**
     * One canned answer.
     *
     * @param status      the HTTP status
     * @param body        the body
     * @param delayMillis how long to wait before answering
     */
    record Answer(int status, String body, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, 0);
        }
    }

    /**
     * A request the server got.
     *
     * @param query         the {@code query} parameter
     * @param time          the {@code time} parameter
     * @param authorization the Authorization header, or null
     */
    record Request(String query, String time, String authorization) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<String, Answer> answers = q -> Answer.ok(vector());

    private FakePrometheus(HttpServer server) {
        this.server = server;
    }

    static FakePrometheus start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakePrometheus fake = new FakePrometheus(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "fake-prometheus");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every query by the function (of the query text). */
    FakePrometheus answering(Function<String, Answer> function) {
        this.answers = function;
        return this;
    }

    /** Answers the counts query with {@code counts}, the liveness queries with empty vectors. */
    FakePrometheus counts(String counts) {
        return answering(q -> Answer.ok(isCounts(q) ? counts : vector()));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static boolean isCounts(String query) {
        return query.startsWith("sum by (slo, outcome) (");
    }

    /** A success answer holding the series, each given as labels and a value. */
    static String vector(Series... series) {
        String result = java.util.Arrays.stream(series).map(s -> "{\"metric\":{" + s.labels().entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(","))
                        + "},\"value\":[1700000000.000,\"" + s.value() + "\"]}")
                .collect(Collectors.joining(","));
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";
    }

    /**
     * One series of a canned vector.
     *
     * @param labels its labels
     * @param value  its value as Prometheus writes it
     */
    record Series(Map<String, String> labels, String value) {
    }

    static Series series(String slo, String outcome, String value) {
        return new Series(Map.of("slo", slo, "outcome", outcome), value);
    }

    /** The counts of a cohort of model {@code rain}, as the default counts query answers them. */
    static String cohortCounts(String cohort, long good, long bad, long fast, long slow, long correct, long wrong) {
        String prefix = "rain.cohort." + cohort + ".";
        return vector(series(prefix + "availability", "good", String.valueOf(good)),
                series(prefix + "availability", "bad", String.valueOf(bad)),
                series(prefix + "latency", "good", String.valueOf(fast)),
                series(prefix + "latency", "bad", String.valueOf(slow)),
                series(prefix + "correct", "good", String.valueOf(correct)),
                series(prefix + "correct", "bad", String.valueOf(wrong)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        String query = parameters.getOrDefault("query", "");
        requests.add(new Request(query, parameters.get("time"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.apply(query);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientGone) {
            // The client timed out first.
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
