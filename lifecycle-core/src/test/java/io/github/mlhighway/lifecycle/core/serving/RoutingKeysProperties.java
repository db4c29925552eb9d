package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RoutingKeysProperties {

    @Property(tries = 2_000)
    void theHashIsGuavasMurmur3OfTheUtf8Bytes(@ForAll String key) {
        assertThat(RoutingKeys.hash(key))
                .isEqualTo(Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8).asLong());
    }

}
