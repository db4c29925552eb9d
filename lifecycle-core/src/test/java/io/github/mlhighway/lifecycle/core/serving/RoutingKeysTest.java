package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RoutingKeysTest {

    @Test
    void edgeCasesMatchGuavaToo() {
        for (String key : new String[] {"", "a", "user-42", "exactly-16-bytes", "seventeen bytes!!", "é日本\uD83D\uDE00",
                "\uD800", "x\uDC00y", "\uD83D"}) {
            assertThat(RoutingKeys.hash(key)).as(key)
                    .isEqualTo(Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8).asLong());
        }
    }
}
