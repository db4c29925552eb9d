package io.github.mlhighway.lifecycle.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service that forecasts rain through a {@code GuardedModel}, with the Lifecycle starter's runtime
 * (store, OpenSLO files, policy, request SLIs), its {@code /actuator/lifecycle} endpoint, its health indicator and
 * its meters in {@code /actuator/prometheus}. Run it with
 * {@code mvn -q -pl samples-spring-boot -am verify -DskipTests -Prun-service} (or from an IDE), then
 * {@code curl 'localhost:8080/forecast?city=Seattle&date=2015-06-01'} and {@code curl localhost:8080/actuator/lifecycle}.
 */
@SpringBootApplication
public class WeatherServiceApplication {

    /** Made by Spring. */
    public WeatherServiceApplication() {
    }

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(WeatherServiceApplication.class, args);
    }
}
