package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzes the store envelope reader: whatever bytes a document file holds, {@link DocumentEnvelope#decode} returns a
 * document or throws a {@link StoreException} with a message naming the file; nothing else (no
 * {@code NullPointerException}, {@code NumberFormatException}, {@code StackOverflowError}, no hang).
 *
 * <p>In {@code mvn verify} this runs in regression mode over the committed corpus in
 * {@code src/test/resources/.../DocumentEnvelopeFuzzTestInputs/decodeGivesADocumentOrAStoreException}
 * (valid envelopes, forged and out-of-range revisions, wrong format versions, missing and mistyped fields, invalid
 * UTF-8, NUL bytes, deep nesting, huge numbers, names with newlines). To fuzz for real (a new finding is written
 * into that directory; commit it):
 * {@code JAZZER_FUZZ=1 mvn -o -pl lifecycle-api,lifecycle-core test -Dtest=DocumentEnvelopeFuzzTest}; the
 * {@code maxDuration} bounds it.
 */
class DocumentEnvelopeFuzzTest {

    private static final Path FILE = Path.of("runs", "run-1.json");

    @FuzzTest(maxDuration = "60s")
    void decodeGivesADocumentOrAStoreException(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            StoredDocument document = DocumentEnvelope.decode(FILE, "runs", "run-1", text);
            assertThat(document.revision()).isBetween(1L, DocumentEnvelope.MAX_REVISION);
            assertThat(document.collection()).isEqualTo("runs");
            assertThat(document.key()).isEqualTo("run-1");
        } catch (StoreException e) {
            assertThat(e.getMessage()).isNotBlank().contains(FILE.toString());
        }
    }
}
