package io.github.mlhighway.lifecycle.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed aggregator behind Spark profiles: rows in, {@link ProfileBuffer} as the buffer, the profile's
 * versioned JSON out. Registered with {@code functions.udaf}, it runs as a typed imperative aggregate, so the
 * buffer is an object for the whole partition and is serialized only at partition boundaries.
 *
 * @since 0.1
 */
public final class ProfileAggregator extends Aggregator<Row, ProfileBuffer, String> {

    private static final long serialVersionUID = 1L;

    private final ProfileSpec spec;

    /**
     * An aggregator.
     *
     * @param spec the columns, in the order of the input row's fields
     */
    public ProfileAggregator(ProfileSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public ProfileBuffer zero() {
        return new ProfileBuffer();
    }

    @Override
    public ProfileBuffer reduce(ProfileBuffer buffer, Row row) {
        buffer.add(row, spec);
        return buffer;
    }

    @Override
    public ProfileBuffer merge(ProfileBuffer a, ProfileBuffer b) {
        a.absorb(b);
        return a;
    }

    @Override
    public String finish(ProfileBuffer buffer) {
        return buffer.result(spec).toJson();
    }

    @Override
    public Encoder<ProfileBuffer> bufferEncoder() {
        return Encoders.javaSerialization(ProfileBuffer.class);
    }

    @Override
    public Encoder<String> outputEncoder() {
        return Encoders.STRING();
    }
}
