package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an executor needs to profile rows: the columns in input order (name and {@link ValueKind}) and the
 * profile options, in a serializable form (ProfileOptions itself is not serializable). Immutable.
 *
 * @since 0.1
 */
public final class ProfileSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final ValueKind[] kinds;
    private final int kllK;
    private final int hllLgK;
    private final int frequentItemsMapSize;
    private final int categoryCap;
    private final int smallDomainCap;
    private final int histogramBins;
    private final HashMap<String, double[]> fixedBins;
    private transient ProfileOptions options;

    /**
     * A spec.
     *
     * @param names   column names, in the order of the aggregated row's fields
     * @param kinds   their kinds
     * @param options the profile options
     */
    public ProfileSpec(List<String> names, List<ValueKind> kinds, ProfileOptions options) {
        if (names.size() != kinds.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + kinds.size() + " kinds");
        }
        this.names = names.toArray(String[]::new);
        this.kinds = kinds.toArray(ValueKind[]::new);
        this.kllK = options.kllK();
        this.hllLgK = options.hllLgK();
        this.frequentItemsMapSize = options.frequentItemsMapSize();
        this.categoryCap = options.categoryCap();
        this.smallDomainCap = options.smallDomainCap();
        this.histogramBins = options.histogramBins();
        this.fixedBins = new HashMap<>();
        for (String name : names) {
            double[] edges = options.fixedBinEdges(name);
            if (edges != null) {
                fixedBins.put(name, edges);
            }
        }
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the number of columns */
    public int size() {
        return names.length;
    }

    /**
     * @param i column index
     * @return its name
     */
    public String name(int i) {
        return names[i];
    }

    /**
     * @param i column index
     * @return its kind
     */
    public ValueKind kind(int i) {
        return kinds[i];
    }

    /** @return the column names in order */
    public List<String> names() {
        return List.of(names);
    }

    /** @return the profile options (rebuilt once after deserialization) */
    public ProfileOptions options() {
        ProfileOptions current = options;
        if (current == null) {
            ProfileOptions.Builder builder = ProfileOptions.builder().kllK(kllK).hllLgK(hllLgK)
                    .frequentItemsMapSize(frequentItemsMapSize).categoryCap(categoryCap)
                    .smallDomainCap(smallDomainCap).histogramBins(histogramBins);
            for (Map.Entry<String, double[]> entry : fixedBins.entrySet()) {
                builder.fixedBins(entry.getKey(), entry.getValue());
            }
            current = builder.build();
            options = current;
        }
        return current;
    }

    /** @return fresh profilers, one per column */
    public ColumnProfiler[] newProfilers() {
        ProfileOptions profileOptions = options();
        ColumnProfiler[] profilers = new ColumnProfiler[names.length];
        for (int i = 0; i < names.length; i++) {
            profilers[i] = ColumnProfiler.of(names[i], kinds[i].columnType(), profileOptions);
        }
        return profilers;
    }

    /** @return the kinds as a list */
    public List<ValueKind> kinds() {
        return new ArrayList<>(List.of(kinds));
    }
}
