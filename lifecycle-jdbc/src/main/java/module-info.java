/**
 * The shared store on PostgreSQL: documents, artifacts, registry history and change notification. It plugs into
 * {@code Stores.open("jdbc:postgresql://...")} as a {@link io.github.mlhighway.lifecycle.core.store.StoreProvider}
 * (module path: {@code provides}; classpath: {@code META-INF/services}).
 */
module io.github.mlhighway.lifecycle.jdbc {
    requires transitive io.github.mlhighway.lifecycle.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.github.mlhighway.lifecycle.jdbc;

    opens io.github.mlhighway.lifecycle.jdbc to com.fasterxml.jackson.databind;
    // Flyway reads the SQL migrations through ClassLoader.getResourceAsStream, which finds a module's resource only
    // in a package opened to everyone (ModulePathTest runs a consumer on the module path against a real server).
    opens io.github.mlhighway.lifecycle.jdbc.migration;

    provides io.github.mlhighway.lifecycle.core.store.StoreProvider with io.github.mlhighway.lifecycle.jdbc.PostgresStoreProvider;
}
