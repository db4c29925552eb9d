package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileJson;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data set named on the command line: a CSV file (read into a table, optionally filtered by
 * {@code COLUMN=VALUE} conditions) or a profile JSON file written by {@code lifecycle data profile}.
 */
final class DataInput {

    private final Path path;
    /** The rows of a CSV input; null for a profile. */
    private final @Nullable Table table;
    /** The profile read from a JSON input; null for a CSV input (its profile is made from the rows). */
    private final @Nullable DatasetProfile profile;

    private DataInput(Path path, @Nullable Table table, @Nullable DatasetProfile profile) {
        this.path = path;
        this.table = table;
        this.profile = profile;
    }

    /**
     * Loads a file: {@code .json} as a profile, anything else as CSV.
     *
     * @param path  the file
     * @param where {@code COLUMN=VALUE} conditions (CSV only), all of which a row must meet
     * @return the input
     * @throws IllegalArgumentException for a missing file, a bad condition, or conditions on a profile
     */
    static DataInput load(Path path, Map<String, String> where) {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file");
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            if (!where.isEmpty()) {
                throw new IllegalArgumentException(path + ": row conditions apply to CSV files, not to a profile");
            }
            return new DataInput(path, null, ProfileJson.read(path));
        }
        Table table = CsvTables.read(path);
        for (Map.Entry<String, String> condition : where.entrySet()) {
            Column column = table.column(condition.getKey());
            String wanted = condition.getValue();
            table = table.filter(row -> !column.isNull(row) && wanted.equals(String.valueOf(column.get(row))));
        }
        return new DataInput(path, table, null);
    }

    /** @return whether this input is raw rows (not a profile) */
    boolean isTable() {
        return table != null;
    }

    /**
     * @return the rows; only for a CSV input
     * @throws NullPointerException for a profile input (check {@link #isTable()} first)
     */
    Table table() {
        return Objects.requireNonNull(table, () -> path + " is a profile, not rows");
    }

    /** @return the profile: the one read, or one made from the rows */
    DatasetProfile profile() {
        return profile != null ? profile : Profiles.of(table());
    }

    /** @return the number of rows */
    long rowCount() {
        return table != null ? table.rowCount() : profile().rowCount();
    }

    /**
     * This input without the named columns.
     *
     * @param columns names to leave out
     * @return the input
     */
    DataInput without(List<String> columns) {
        if (columns.isEmpty()) {
            return this;
        }
        Table rows = table;
        if (rows != null) {
            return new DataInput(path, rows.drop(columns.toArray(String[]::new)), null);
        }
        DatasetProfile profile = profile();
        List<ColumnProfile> kept = new ArrayList<>();
        for (ColumnProfile column : profile.columns()) {
            if (!columns.contains(column.name())) {
                kept.add(column);
            }
        }
        return new DataInput(path, null, new DatasetProfile(profile.rowCount(), kept));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
