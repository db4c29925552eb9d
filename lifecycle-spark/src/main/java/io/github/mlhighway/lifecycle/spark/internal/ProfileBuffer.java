package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * The aggregation buffer of {@link ProfileAggregator}: live column profilers for the rows this task reduced, and
 * the merged profile of the buffers merged into it. Spark keeps it as an object for a whole partition (the
 * aggregator is a typed imperative aggregate) and serializes it only when it crosses a partition boundary: then
 * its state is written as the library's versioned profile JSON. Not thread-safe (Spark uses one per task and
 * group).
 *
 * @since 0.1
 */
public final class ProfileBuffer implements Externalizable {

    private static final long serialVersionUID = 1L;

    private ColumnProfiler @Nullable [] live;
    private long liveRows;
    private @Nullable DatasetProfile merged;

    /** An empty buffer (also the form Java serialization instantiates). */
    public ProfileBuffer() {
    }

    /**
     * Adds one row.
     *
     * @param row  the row, fields in the spec's column order
     * @param spec the columns
     */
    public void add(Row row, ProfileSpec spec) {
        ColumnProfiler[] profilers = live;
        if (profilers == null) {
            profilers = spec.newProfilers();
            live = profilers;
        }
        for (int i = 0; i < profilers.length; i++) {
            spec.kind(i).add(row, i, profilers[i]);
        }
        liveRows++;
    }

    /**
     * Merges another buffer into this one.
     *
     * @param other the other buffer
     */
    public void absorb(ProfileBuffer other) {
        DatasetProfile theirs = other.snapshot();
        if (theirs == null) {
            return;
        }
        DatasetProfile mine = snapshot();
        merged = mine == null ? theirs : mine.merge(theirs);
        live = null;
        liveRows = 0;
    }

    /**
     * The profile of everything this buffer has seen.
     *
     * @return the profile, or null when it saw nothing
     */
    public @Nullable DatasetProfile snapshot() {
        ColumnProfiler[] profilers = live;
        DatasetProfile before = merged;
        if (profilers == null) {
            return before;
        }
        List<ColumnProfile> columns = new ArrayList<>(profilers.length);
        for (ColumnProfiler profiler : profilers) {
            columns.add(profiler.profile());
        }
        DatasetProfile fresh = new DatasetProfile(liveRows, columns);
        return before == null ? fresh : before.merge(fresh);
    }

    /**
     * The profile of everything seen, or the empty profile of the spec's columns when nothing was.
     *
     * @param spec the columns
     * @return the profile
     */
    public DatasetProfile result(ProfileSpec spec) {
        DatasetProfile profile = snapshot();
        if (profile != null) {
            return profile;
        }
        List<ColumnProfile> columns = new ArrayList<>();
        for (ColumnProfiler profiler : spec.newProfilers()) {
            columns.add(profiler.profile());
        }
        return new DatasetProfile(0, columns);
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        DatasetProfile profile = snapshot();
        if (profile == null) {
            out.writeInt(-1);
            return;
        }
        byte[] json = profile.toJson().getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        int length = in.readInt();
        live = null;
        liveRows = 0;
        if (length < 0) {
            merged = null;
            return;
        }
        byte[] json = new byte[length];
        in.readFully(json);
        merged = DatasetProfile.fromJson(new String(json, StandardCharsets.UTF_8));
    }
}
