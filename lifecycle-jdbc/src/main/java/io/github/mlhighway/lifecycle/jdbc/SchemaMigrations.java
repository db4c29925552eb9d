package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a database's schema to the version this library knows with Flyway (the versioned SQL files under
 * {@code io/github/mlhighway/lifecycle/jdbc/migration}), and refuses a database whose schema is newer: an older
 * library must not write into tables it does not understand.
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:io/github/mlhighway/lifecycle/jdbc/migration";

    private SchemaMigrations() {
    }

    static void migrate(DataSource dataSource, PostgresLocation location) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(PostgresStore.SCHEMA_HISTORY_TABLE)
                .cleanDisabled(true)
                .load();
        try {
            refuseNewer(flyway, location);
            flyway.migrate();
            refuseNewer(flyway, location);
        } catch (FlywayException e) {
            throw new StoreException("Cannot migrate the schema of PostgreSQL store " + location.redacted() + " to "
                    + "version " + PostgresStore.SCHEMA_VERSION + ": " + location.scrub(e.getMessage()), e);
        }
    }

    private static void refuseNewer(Flyway flyway, PostgresLocation location) {
        MigrationVersion known = MigrationVersion.fromVersion(Integer.toString(PostgresStore.SCHEMA_VERSION));
        for (MigrationInfo applied : flyway.info().applied()) {
            MigrationVersion version = applied.getVersion();
            if (version != null && version.isNewerThan(known)) {
                throw new StoreException("The PostgreSQL store " + location.redacted() + " has schema version "
                        + version + " (" + applied.getDescription() + "), newer than version "
                        + PostgresStore.SCHEMA_VERSION + " that this lifecycle-jdbc knows: upgrade lifecycle-jdbc to "
                        + "use it; nothing was changed");
            }
        }
    }
}
