package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Gate} on a table: optionally a schema validated in an environment, then constraints. The verdict holds
 * one finding per schema violation (or one PASS for the schema) and one per constraint; its outcome is the worst
 * of them: FAIL when anything fails, INCONCLUSIVE when nothing fails but a statistic had no data (an empty table,
 * an all-null column), else PASS.
 *
 * <pre>{@code
 * DataGate gate = DataGate.builder("weather-input")
 *     .schema(schema, Schema.TRAINING)
 *     .expect(Constraints.completeness("wind").mostly(0.99))
 *     .expect(Constraints.range("temp_max", -30, 50))
 *     .build();
 * Verdict verdict = gate.evaluate(table);
 * }</pre>
 *
 * @since 0.1
 */
public final class DataGate implements Gate<Table> {

    private final String name;
    private final @Nullable Schema schema;
    private final @Nullable String environment;
    private final List<Constraint> constraints;
    private final Clock clock;

    private DataGate(Builder builder) {
        this.name = builder.name;
        this.schema = builder.schema;
        this.environment = builder.environment;
        this.constraints = List.copyOf(builder.constraints);
        this.clock = builder.clock;
    }

    /**
     * A builder.
     *
     * @param name the gate's name in verdicts
     * @return the builder
     * @throws IllegalArgumentException for a blank name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the schema the gate validates against, if any */
    public java.util.Optional<Schema> schema() {
        return java.util.Optional.ofNullable(schema);
    }

    /** @return the environment the schema is validated in, or null for none */
    public @Nullable String environment() {
        return environment;
    }

    /** @return the clock that stamps verdicts */
    public Clock clock() {
        return clock;
    }

    /** @return the constraints, in evaluation order */
    public List<Constraint> constraints() {
        return constraints;
    }

    @Override
    public Verdict evaluate(Table table) {
        Objects.requireNonNull(table, "table");
        List<Finding> findings = new ArrayList<>();
        if (schema != null) {
            findings.addAll(schema.validate(table, environment).findings());
        }
        for (Constraint constraint : constraints) {
            findings.add(evaluate(constraint, table));
        }
        return Verdict.fromFindings(name, findings, clock.instant());
    }

    private static Finding evaluate(Constraint constraint, Table table) {
        try {
            return constraint.evaluate(table);
        } catch (RuntimeException e) {
            return Finding.note(constraint.check(), Outcome.FAIL, "Constraint '" + constraint.check()
                    + "' could not be evaluated on table '" + table.name() + "': " + e);
        }
    }

    @Override
    public String toString() {
        return "DataGate[" + name + ", schema " + (schema == null ? "none" : schema.columns().size() + " columns")
                + ", " + constraints.size() + " constraints]";
    }

    /** Builds a {@link DataGate}; each method checks its arguments at once. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Constraint> constraints = new ArrayList<>();
        private @Nullable Schema schema;
        private @Nullable String environment;
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("DataGate name must not be blank");
            }
            this.name = name;
        }

        /**
         * Validates tables against a schema, every column expected.
         *
         * @param value the schema
         * @return this builder
         */
        public Builder schema(Schema value) {
            return schema(value, null);
        }

        /**
         * Validates tables against a schema in an environment.
         *
         * @param value           the schema
         * @param environmentName e.g. {@link Schema#SERVING}, or null for none
         * @return this builder
         */
        public Builder schema(Schema value, @Nullable String environmentName) {
            this.schema = Objects.requireNonNull(value, "schema");
            this.environment = environmentName;
            return this;
        }

        /**
         * Adds constraints, evaluated in the order added.
         *
         * @param values the constraints
         * @return this builder
         */
        public Builder expect(Constraint... values) {
            for (Constraint constraint : values) {
                constraints.add(Objects.requireNonNull(constraint, "constraint"));
            }
            return this;
        }

        /**
         * The clock that stamps verdicts; the system UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the gate.
         *
         * @return the gate
         * @throws IllegalStateException when there is neither a schema nor a constraint
         */
        public DataGate build() {
            if (schema == null && constraints.isEmpty()) {
                throw new IllegalStateException("DataGate '" + name + "' needs a schema or at least one constraint");
            }
            return new DataGate(this);
        }
    }
}
