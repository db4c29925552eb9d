package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import io.github.mlhighway.lifecycle.spark.SparkProfileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Chooses the columns of a Spark schema to profile and says clearly which cannot be: arrays, maps, structs,
 * binary, intervals and other types without a library column type.
 *
 * @since 0.1
 */
public final class SparkColumns {

    private SparkColumns() {
    }

    /**
     * The profile spec of a schema.
     *
     * @param schema          the Dataset's schema
     * @param excluded        column names not to profile (segment keys)
     * @param skipUnsupported true to leave unsupported columns out (listed in {@code skipped}); false to throw
     * @param options         profile options
     * @param skipped         receives "name (type)" of each left-out column
     * @return the spec
     * @throws SparkProfileException naming every unsupported column when they are not skipped
     */
    public static ProfileSpec plan(StructType schema, Collection<String> excluded, boolean skipUnsupported,
            ProfileOptions options, List<String> skipped) {
        List<String> names = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (excluded.contains(field.name())) {
                continue;
            }
            ValueKind kind = ValueKind.of(field.dataType());
            if (kind == null) {
                unsupported.add("'" + field.name() + "' (" + field.dataType().simpleString() + ")");
            } else {
                names.add(field.name());
                kinds.add(kind);
            }
        }
        if (!unsupported.isEmpty() && !skipUnsupported) {
            throw new SparkProfileException("Cannot profile column" + (unsupported.size() == 1 ? " " : "s ")
                    + String.join(", ", unsupported) + ": lifecycle-spark profiles flat columns of numeric,"
                    + " boolean, string, date and timestamp types. Flatten nested columns first (select"
                    + " 'struct.field', explode an array), or leave them out with"
                    + " SparkProfiler.builder().skipUnsupportedColumns()");
        }
        skipped.addAll(unsupported);
        return new ProfileSpec(names, kinds, options);
    }

    /**
     * The input row type of the aggregator for a spec.
     *
     * @param schema the Dataset's schema
     * @param spec   the chosen columns
     * @return a struct of those fields, in spec order
     */
    public static StructType inputType(StructType schema, ProfileSpec spec) {
        List<StructField> fields = new ArrayList<>();
        for (String name : spec.names()) {
            StructField field = schema.apply(name);
            fields.add(spec.kind(fields.size()) == ValueKind.VOID
                    ? DataTypes.createStructField(name, DataTypes.NullType, true) : field);
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * The columns of a spec, quoted so that names with dots or spaces are taken literally.
     *
     * @param spec the chosen columns
     * @return the column expressions
     */
    public static Column[] columns(ProfileSpec spec) {
        Column[] columns = new Column[spec.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = column(spec.name(i));
        }
        return columns;
    }

    /**
     * A column by its literal name.
     *
     * @param name the name
     * @return the column expression
     */
    public static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
