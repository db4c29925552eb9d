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

    provides io.github.mlhighway.lifecycle.core.store.StoreProvider with io.github.mlhighway.lifecycle.jdbc.PostgresStoreProvider;
}
