package io.github.mlhighway.lifecycle.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries of the {@code lifecycle_changes} table. */
final class ChangeLog {

    private ChangeLog() {
    }

    static List<StoreChange> since(Connection connection, long after, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, collection, doc_key, revision "
                + "FROM lifecycle_changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, after);
            select.setInt(2, limit);
            List<StoreChange> changes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new StoreChange(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4)));
                }
            }
            return changes;
        }
    }

    static long latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM lifecycle_changes");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
