package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles of all columns of a data set, with its row count. Immutable and mergeable: the merge of the
 * profiles of two partitions is the profile of their union (a column missing from one partition counts as null
 * there).
 *
 * @since 0.1
 */
public final class DatasetProfile {

    private final long rowCount;
    private final Map<String, ColumnProfile> columns;

    /**
     * A profile from column profiles.
     *
     * @param rowCount rows of the data set, at least 0
     * @param columns  column profiles, unique names, each with {@code rowCount} rows
     * @throws IllegalArgumentException for a repeated name or a column whose rows differ from rowCount
     */
    public DatasetProfile(long rowCount, List<ColumnProfile> columns) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
        }
        Map<String, ColumnProfile> byName = new LinkedHashMap<>();
        for (ColumnProfile column : columns) {
            if (byName.putIfAbsent(column.name(), column) != null) {
                throw new IllegalArgumentException("Profile has two columns named '" + column.name() + "'");
            }
            if (column.rowCount() != rowCount) {
                throw new IllegalArgumentException("Column '" + column.name() + "' has " + column.rowCount()
                        + " rows, the profile " + rowCount);
            }
        }
        this.rowCount = rowCount;
        this.columns = java.util.Collections.unmodifiableMap(byName);
    }

    /** @return the number of rows profiled */
    public long rowCount() {
        return rowCount;
    }

    /** @return the column profiles, in column order */
    public List<ColumnProfile> columns() {
        return List.copyOf(columns.values());
    }

    /** @return the column names, in order */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /**
     * A column profile by name.
     *
     * @param name the column name
     * @return the profile
     * @throws IllegalArgumentException naming the known columns when there is none of that name
     */
    public ColumnProfile column(String name) {
        ColumnProfile column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("Profile has no column '" + name + "'; columns: " + columns.keySet());
        }
        return column;
    }

    /**
     * A column profile by name, if present.
     *
     * @param name the column name
     * @return the profile or empty
     */
    public Optional<ColumnProfile> find(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /**
     * The profile of the union of this data set and another (e.g. two partitions). Columns keep this
     * profile's order, then the other's new columns.
     *
     * @param other the other profile
     * @return the merged profile
     * @throws IllegalArgumentException if a column has different types on the two sides
     */
    public DatasetProfile merge(DatasetProfile other) {
        Map<String, ColumnProfile> merged = new LinkedHashMap<>();
        for (ColumnProfile column : columns.values()) {
            ColumnProfile theirs = other.columns.get(column.name());
            merged.put(column.name(), theirs == null ? column.withExtraNulls(other.rowCount) : column.merge(theirs));
        }
        for (ColumnProfile theirs : other.columns.values()) {
            merged.putIfAbsent(theirs.name(), theirs.withExtraNulls(rowCount));
        }
        return new DatasetProfile(rowCount + other.rowCount, new ArrayList<>(merged.values()));
    }

    /** @return versioned JSON, see {@link ProfileJson} */
    public String toJson() {
        return ProfileJson.write(this);
    }

    /**
     * Reads a profile written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the profile
     * @throws ProfileFormatException for an unknown format version, a missing field or a corrupt sketch
     */
    public static DatasetProfile fromJson(String json) {
        return ProfileJson.read(json);
    }

    @Override
    public String toString() {
        return "DatasetProfile[" + rowCount + " rows, columns " + columns.keySet() + "]";
    }
}
