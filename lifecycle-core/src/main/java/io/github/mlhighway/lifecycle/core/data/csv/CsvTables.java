package io.github.mlhighway.lifecycle.core.data.csv;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.internal.Utf8Reader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV into a {@link Table}: the first row is the header; each column's type comes from the
 * {@link CsvOptions} (or its schema) or is inferred from every non-null value: LONG when each is a 64-bit
 * integer, else DOUBLE when each is a decimal number (NaN and the infinities included, in the spellings Java,
 * Python, pandas and R write: {@code NaN}, {@code nan}, {@code -nan}, {@code Infinity}, {@code inf}, {@code -Inf},
 * any case, an optional sign), else BOOLEAN for {@code true}/{@code false} (any case), else TIMESTAMP for ISO-8601 dates,
 * date-times and instants (a plain date is midnight UTC, a date-time without offset is UTC), else STRING. A
 * column with no value at all is STRING. Cells equal to a null token are null.
 *
 * <p>Input is streamed record by record. A file is read twice when some type must be inferred (once to infer,
 * once to parse), so only the table itself is held in memory; a {@link Reader} cannot be re-read, so its cells
 * of inferred columns are held as text until the end.
 *
 * <pre>{@code
 * Table weather = CsvTables.read(weatherCsv);
 * Table typed = CsvTables.read(weatherCsv, CsvOptions.builder().schema(schema).build());
 * }</pre>
 *
 * @since 0.1
 */
public final class CsvTables {

    private CsvTables() {
    }

    /**
     * Reads a UTF-8 CSV file with the default options; the table is named after the file.
     *
     * @param file the file
     * @return the table
     * @throws CsvFormatException   if the content cannot become a table (naming line and column), invalid UTF-8
     *                              included (naming the line and byte offset)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Table read(Path file) {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a UTF-8 CSV file; the table is named after the file.
     *
     * @param file    the file
     * @param options separator, null tokens and declared types
     * @return the table
     * @throws CsvFormatException   if the content cannot become a table (naming line and column), invalid UTF-8
     *                              included (naming the line and byte offset)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Table read(Path file, CsvOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String source = String.valueOf(file.getFileName());
        List<ColumnType> types = null;
        try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
            types = inferTypes(reader, source, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
        try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
            return read(reader, source, options, types);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV from a reader, which the caller closes.
     *
     * @param reader     the CSV text
     * @param sourceName a name for messages and the table (e.g. the file or URL it came from)
     * @param options    separator, null tokens and declared types
     * @return the table
     * @throws CsvFormatException if the content cannot become a table (naming source, line and column)
     */
    public static Table read(Reader reader, String sourceName, CsvOptions options) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        return read(reader, sourceName, Objects.requireNonNull(options, "options"), null);
    }

    /** One pass that only infers the types of undeclared columns; declared columns are not parsed. */
    private static List<ColumnType> inferTypes(Reader reader, String source, CsvOptions options) {
        try (CsvRowReader rows = new CsvRowReader(reader, source, options.separator())) {
            List<String> header = rows.header();
            TypeInference[] inferences = new TypeInference[header.size()];
            boolean any = false;
            for (int i = 0; i < header.size(); i++) {
                if (options.declaredType(header.get(i)).isEmpty()) {
                    inferences[i] = new TypeInference();
                    any = true;
                }
            }
            CellReader cells = new CellReader(options);
            while (any && rows.next()) {
                List<String> fields = rows.fields();
                for (int i = 0; i < inferences.length; i++) {
                    String text = cells.text(fields.get(i));
                    if (inferences[i] != null && text != null) {
                        inferences[i].accept(text);
                    }
                }
            }
            List<ColumnType> types = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                types.add(inferences[i] == null ? options.declaredType(header.get(i)).orElseThrow()
                        : inferences[i].result());
            }
            return types;
        }
    }

    /** One pass that builds the table; columns without a known type keep their text until the end. */
    private static Table read(Reader reader, String source, CsvOptions options, @Nullable List<ColumnType> knownTypes) {
        try (CsvRowReader rows = new CsvRowReader(reader, source, options.separator())) {
            List<String> header = rows.header();
            List<ColumnReader> columns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                Optional<ColumnType> type = knownTypes == null ? options.declaredType(name)
                        : Optional.of(knownTypes.get(i));
                columns.add(new ColumnReader(name, type.orElse(null)));
            }
            CellReader cells = new CellReader(options);
            while (rows.next()) {
                List<String> fields = rows.fields();
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).add(cells.text(fields.get(i)), source, rows.line());
                }
            }
            List<Column> built = new ArrayList<>();
            for (ColumnReader column : columns) {
                built.add(column.build());
            }
            return Table.of(source, built);
        }
    }
}
