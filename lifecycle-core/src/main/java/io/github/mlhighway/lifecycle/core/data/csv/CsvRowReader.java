package io.github.mlhighway.lifecycle.core.data.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Streams the records of a CSV source, one at a time, through Jackson's CSV parser: the header first, then
 * records of exactly as many fields, each with the line it starts on. Turns parser errors into
 * {@link CsvFormatException}s that name the line.
 */
final class CsvRowReader implements Closeable {

    private static final CsvFactory FACTORY = new CsvFactory();

    private final CsvParser parser;
    private final String source;
    private final List<String> fields = new ArrayList<>();
    private @Nullable List<String> header;
    private boolean started;
    private long line;

    CsvRowReader(Reader reader, String source, char separator) {
        this.source = source;
        try {
            this.parser = FACTORY.createParser(withoutByteOrderMark(reader));
        } catch (InvalidUtf8Exception e) {
            throw new CsvFormatException(source, e.line(), null, e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV " + source + ": " + e.getMessage(), e);
        }
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    }

    /** Skips a leading U+FEFF, which spreadsheet programs write before the header of a UTF-8 file. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /**
     * Reads the header row: names trimmed, none empty, none repeated.
     *
     * @return the column names
     * @throws CsvFormatException for an empty source or a bad header
     */
    List<String> header() {
        if (!nextRecord()) {
            throw new CsvFormatException(source, 0, null, "the file is empty: a header row is required", null);
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).trim();
            if (name.isEmpty()) {
                throw new CsvFormatException(source, line, null, "the header of column " + (i + 1) + " is empty",
                        null);
            }
            try {
                StringColumn.builder(name);
            } catch (IllegalArgumentException e) {
                throw new CsvFormatException(source, line, null, "the header of column " + (i + 1) + " is not a"
                        + " valid column name: " + e.getMessage(), e);
            }
            Integer earlier = positions.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new CsvFormatException(source, line, name, "the header repeats the name of column "
                        + earlier + " in column " + (i + 1), null);
            }
            names.add(name);
        }
        header = List.copyOf(names);
        return header;
    }

    /**
     * Advances to the next record, skipping blank lines when there is more than one column.
     *
     * @return false at the end of the source
     * @throws CsvFormatException for a malformed line or a record with the wrong number of fields
     */
    boolean next() {
        while (nextRecord()) {
            if (Objects.requireNonNull(header).size() > 1 && fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new CsvFormatException(source, line, null, "the line has " + fields.size() + " fields but the"
                        + " header has " + header.size(), null);
            }
            return true;
        }
        return false;
    }

    /** @return the fields of the current record; valid until the next call to {@link #next()} */
    List<String> fields() {
        return fields;
    }

    /** @return the 1-based line on which the current record starts */
    long line() {
        return line;
    }

    private boolean nextRecord() {
        fields.clear();
        long recordStart = parser.currentLocation().getLineNr();
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return false;
                }
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            recordStart = parser.currentLocation().getLineNr();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                fields.add(parser.getText());
            }
            if (token != JsonToken.END_ARRAY) {
                throw new CsvFormatException(source, recordStart, null, "malformed CSV: unexpected " + token, null);
            }
            line = recordStart;
            return true;
        } catch (InvalidUtf8Exception e) {
            throw new CsvFormatException(source, e.line(), null, e.getMessage(), e);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (parser stopped at line " + e.getLocation().getLineNr()
                    + ", character " + e.getLocation().getColumnNr() + ")";
            throw new CsvFormatException(source, recordStart, null, "malformed CSV record: "
                    + e.getOriginalMessage() + at, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV " + source + " after line " + line + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close CSV " + source, e);
        }
    }
}
