package io.github.mlhighway.lifecycle.testkit.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.mlhighway.lifecycle.core.micrometer.SloMeters;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One serving JVM of a fleet, as Prometheus sees it: a Micrometer {@link PrometheusMeterRegistry} bound to the SLOs of
 * the models it serves, scraped at {@code /metrics} on a loopback port of its own.
 */
final class Replica implements AutoCloseable {

    private final HttpServer server;
    private final List<SloRegistry> served = new CopyOnWriteArrayList<>();
    private volatile PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Replica(HttpServer server) {
        this.server = server;
    }

    static Replica start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Replica replica = new Replica(server);
            server.createContext("/metrics", replica::scrape);
            server.start();
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port} to scrape. */
    String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Exports the SLOs of a model's registry from now on (cohort SLOs made later are bound at the next scrape). */
    void serve(SloRegistry slos) {
        served.add(slos);
    }

    /** The process restarts: a fresh meter registry serving only the given SLOs (its counters start at zero). */
    void restart(SloRegistry slos) {
        served.clear();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        served.add(slos);
    }

    private void scrape(HttpExchange exchange) throws IOException {
        PrometheusMeterRegistry current = registry;
        for (SloRegistry slos : served) {
            SloMeters.of(slos).bindTo(current); // idempotent: binds the SLOs registered since the last scrape
        }
        byte[] body = current.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
