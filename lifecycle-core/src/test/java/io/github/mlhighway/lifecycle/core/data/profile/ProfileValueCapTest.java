package io.github.mlhighway.lifecycle.core.data.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import org.junit.jupiter.api.Test;

/** A profile stores at most a capped length of each category value, so every profile written can be read back. */
class ProfileValueCapTest {

    @Test
    void aHugeValueIsStoredTruncatedWithAMarkerAndTheProfileReadsBack() {
        String huge = "y".repeat(3_000_000);
        Table table = Table.of("t", StringColumn.of("note", "short", huge, "short", huge + "z"));

        DatasetProfile profile = Profiles.of(table);
        String json = profile.toJson();
        DatasetProfile read = DatasetProfile.fromJson(json);

        assertThat(json.length()).isLessThan(100_000);
        assertThat(read.column("note").categoryCounts().orElseThrow()).hasSize(3)
                .containsEntry("short", 2L).allSatisfy((value, n) -> assertThat(value.length()).isLessThan(1_100));
        assertThat(read.column("note").categoryCounts().orElseThrow().keySet())
                .filteredOn(ProfileValues::isTruncated).hasSize(2)
                .allSatisfy(value -> assertThat(value).startsWith("yyy").contains("…[truncated: 300000"));
        assertThat(read.column("note").distinctEstimate()).isBetween(2.9, 3.1);
    }

    @Test
    void aShortValueIsStoredAsItIsAndASurrogatePairIsNeverCut() {
        assertThat(ProfileValues.capped("café", 16)).isEqualTo("café");
        String emoji = "a".repeat(15) + "\uD83D\uDE00" + "b".repeat(20);

        String capped = ProfileValues.capped(emoji, 16);

        assertThat(capped).startsWith("a".repeat(15) + ProfileValues.MARKER);
        assertThat(ProfileValues.isTruncated(capped)).isTrue();
    }
}
