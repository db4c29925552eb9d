package io.github.mlhighway.lifecycle.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Profiles;
import io.github.mlhighway.lifecycle.core.data.schema.Schema;
import org.junit.jupiter.api.Test;

/**
 * Core is compiled against the parent's Jackson, but next to Spark it runs on Spark's own (jackson-module-scala
 * refuses another minor version of jackson-databind). Core's JSON code must work there.
 */
class SparkJacksonCompatibilityTest {

    @Test
    void theTestClasspathCarriesSparksJacksonVersion() {
        assertThat(PackageVersion.VERSION.getMajorVersion()).isEqualTo(2);
        assertThat(PackageVersion.VERSION.getMinorVersion()).isEqualTo(21);
        assertThat(com.fasterxml.jackson.module.scala.DefaultScalaModule.class.getPackage().getImplementationVersion())
                .startsWith("2.21.");
    }

    @Test
    void coresProfileAndSchemaJsonWorkOnSparksJackson() {
        Table table = Table.of("weather", StringColumn.of("weather", "rain", "sun", "rain"),
                DoubleColumn.of("wind", 4.7, 3.9, 1.2));
        DatasetProfile profile = Profiles.of(table);

        DatasetProfile read = DatasetProfile.fromJson(profile.toJson());
        Schema schema = Schema.fromJson(Schema.infer(table).toJson());

        assertThat(read.toJson()).isEqualTo(profile.toJson());
        assertThat(read.column("wind").moments().orElseThrow().mean()).isEqualTo(profile.column("wind").moments()
                .orElseThrow().mean());
        assertThat(schema).isEqualTo(Schema.infer(table));
    }
}
