package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.store.Stores;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL store location, {@code jdbc:postgresql://host:port/database?params}, split into the URL the driver
 * gets (without any password), the user and the password.
 *
 * <p>Credentials come from the URL ({@code ?user=…&password=…}, or {@code //user:password@host}) or else from the
 * environment: {@value #USER_VARIABLE} / {@value #PASSWORD_VARIABLE}, then the libpq variables {@code PGUSER} /
 * {@code PGPASSWORD}. The password never appears in {@link #toString()}, {@link #redacted()} or any message.
 *
 * @since 0.1
 */
public final class PostgresLocation {

    /** The URL prefix this store opens. */
    public static final String PREFIX = "jdbc:postgresql:";
    /** The environment variable read for the user when the URL names none. */
    public static final String USER_VARIABLE = "LIFECYCLE_JDBC_USER";
    /** The environment variable read for the password when the URL has none. */
    public static final String PASSWORD_VARIABLE = "LIFECYCLE_JDBC_PASSWORD";

    private final String driverUrl;
    private final @Nullable String user;
    private final @Nullable String password;

    private PostgresLocation(String driverUrl, @Nullable String user, @Nullable String password) {
        this.driverUrl = driverUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Whether a location is a PostgreSQL JDBC URL.
     *
     * @param location a location
     * @return true when it starts with {@value #PREFIX}
     */
    public static boolean isPostgres(String location) {
        return location != null && location.trim().startsWith(PREFIX);
    }

    /**
     * Parses a location, taking missing credentials from the process environment.
     *
     * @param location a {@code jdbc:postgresql:} URL
     * @return the parsed location
     * @throws IllegalArgumentException if it is not such a URL
     */
    public static PostgresLocation parse(String location) {
        return parse(location, System.getenv());
    }

    /**
     * Parses a location, taking missing credentials from the given environment.
     *
     * @param location    a {@code jdbc:postgresql:} URL
     * @param environment the variables to read credentials from
     * @return the parsed location
     * @throws IllegalArgumentException if it is not such a URL
     */
    public static PostgresLocation parse(String location, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        if (!isPostgres(location)) {
            throw new IllegalArgumentException("Not a PostgreSQL store URL: '" + Stores.redact(location)
                    + "'; expected " + PREFIX + "//host:port/database");
        }
        String text = location.trim();
        int question = text.indexOf('?');
        String base = question < 0 ? text : text.substring(0, question);
        String query = question < 0 ? "" : text.substring(question + 1);
        @Nullable String user = null;
        @Nullable String password = null;
        int slashes = base.indexOf("//");
        if (slashes >= 0) {
            int hostStart = slashes + 2;
            int hostEnd = base.indexOf('/', hostStart);
            String authority = hostEnd < 0 ? base.substring(hostStart) : base.substring(hostStart, hostEnd);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
                base = base.substring(0, hostStart) + authority.substring(at + 1)
                        + (hostEnd < 0 ? "" : base.substring(hostEnd));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (name.equalsIgnoreCase("password")) {
                password = value;
            } else if (name.equalsIgnoreCase("user")) {
                user = value;
            } else {
                kept.add(parameter);
            }
        }
        if (user == null) {
            user = firstNonEmpty(environment.get(USER_VARIABLE), environment.get("PGUSER")).orElse(null);
        }
        if (password == null) {
            password = firstNonEmpty(environment.get(PASSWORD_VARIABLE), environment.get("PGPASSWORD")).orElse(null);
        }
        String driverUrl = base + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new PostgresLocation(driverUrl, user, password);
    }

    /**
     * The URL handed to the driver: the location without user, password or user info.
     *
     * @return the URL, safe to log
     */
    public String driverUrl() {
        return driverUrl;
    }

    /**
     * The user to connect as.
     *
     * @return the user, or empty to let the driver decide
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * The password to connect with; never log it.
     *
     * @return the password, or empty when there is none
     */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * The location for messages: the driver URL and the user, never the password.
     *
     * @return e.g. {@code jdbc:postgresql://db:5432/lifecycle (user lifecycle)}
     */
    public String redacted() {
        return driverUrl + (user == null ? "" : " (user " + user + ")");
    }

    /**
     * Removes the password from a message, should a driver or pool ever repeat it.
     *
     * @param message a message, or null (as from {@link Throwable#getMessage()})
     * @return the message with every occurrence of the password replaced by {@code ***}; null when it is null
     */
    public @Nullable String scrub(@Nullable String message) {
        String secret = password;
        if (message == null || secret == null || secret.isEmpty()) {
            return message;
        }
        return message.replace(secret, "***");
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static Optional<String> firstNonEmpty(@Nullable String first, @Nullable String second) {
        if (first != null && !first.isEmpty()) {
            return Optional.of(first);
        }
        return second != null && !second.isEmpty() ? Optional.of(second) : Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
