package io.github.mlhighway.lifecycle.core.data.profile;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points for profiling: from a {@link Table}, from a host application's records or maps, and merging.
 *
 * <pre>{@code
 * record Weather(String location, double precipitation, double wind) {}
 * DatasetProfile seattle = Profiles.ofRecords(List.of(new Weather("Seattle", 0.0, 4.7),
 *     new Weather("Seattle", 10.9, 4.5)));
 * DatasetProfile all = Profiles.merge(seattle, Profiles.of(newYorkTable));   // columns matched by name
 * String json = all.toJson();
 * }</pre>
 *
 * @since 0.1
 */
public final class Profiles {

    private Profiles() {
    }

    /**
     * Profiles every column of a table with the default options.
     *
     * @param table the table
     * @return the profile
     */
    public static DatasetProfile of(Table table) {
        return of(table, ProfileOptions.defaults());
    }

    /**
     * Profiles every column of a table.
     *
     * @param table   the table
     * @param options sketch settings and caps
     * @return the profile
     */
    public static DatasetProfile of(Table table, ProfileOptions options) {
        Objects.requireNonNull(table, "table");
        return TableProfiler.profile(table, Objects.requireNonNull(options, "options"));
    }

    /**
     * Profiles one column.
     *
     * @param column  the column
     * @param options sketch settings and caps
     * @return the column profile
     */
    public static ColumnProfile of(Column column, ProfileOptions options) {
        return TableProfiler.profile(Objects.requireNonNull(column, "column"), options);
    }

    /**
     * Profiles a non-empty list of records, one column per record component.
     *
     * @param records the records, at least one (use {@link #ofRecords(Iterable, Class)} for possibly empty data)
     * @param <R>     the record type
     * @return the profile
     * @throws IllegalArgumentException for an empty list
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> DatasetProfile ofRecords(List<R> records) {
        Iterator<R> first = records.iterator();
        if (!first.hasNext()) {
            throw new IllegalArgumentException("Cannot infer the record type of an empty list; use "
                    + "ofRecords(records, Type.class)");
        }
        return ofRecords(records, (Class<R>) first.next().getClass());
    }

    /**
     * Profiles records of a known type, one column per record component.
     *
     * @param records the records, possibly none
     * @param type    the record class
     * @param <R>     the record type
     * @return the profile
     */
    public static <R extends Record> DatasetProfile ofRecords(Iterable<? extends R> records, Class<R> type) {
        return RecordProfiler.of(type, ProfileOptions.defaults()).addAll(records).profile();
    }

    /**
     * A streaming profiler for records: feed it as rows arrive, then call {@link RecordProfiler#profile()}.
     *
     * @param type    the record class
     * @param options sketch settings
     * @param <R>     the record type
     * @return the profiler
     */
    public static <R extends Record> RecordProfiler<R> forRecords(Class<R> type, ProfileOptions options) {
        return RecordProfiler.of(type, options);
    }

    /**
     * Profiles rows given as maps from column name to value.
     *
     * @param rows the rows
     * @return the profile
     */
    public static DatasetProfile ofMaps(Iterable<? extends Map<String, ?>> rows) {
        return MapProfiler.of(ProfileOptions.defaults()).addAll(rows).profile();
    }

    /**
     * A streaming profiler for map rows.
     *
     * @param options sketch settings
     * @return the profiler
     */
    public static MapProfiler forMaps(ProfileOptions options) {
        return MapProfiler.of(options);
    }

    /**
     * The profile of the union of two data sets' rows.
     *
     * @param a one profile
     * @param b another profile
     * @return the merged profile
     */
    public static DatasetProfile merge(DatasetProfile a, DatasetProfile b) {
        return a.merge(b);
    }
}
