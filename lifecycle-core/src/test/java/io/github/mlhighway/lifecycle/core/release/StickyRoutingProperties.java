package io.github.mlhighway.lifecycle.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.release.Assignment;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StickyRoutingProperties {

    private final Assignment baseline = new Assignment("rain@2", "baseline");
    private final Assignment canary = new Assignment("rain@3", "canary");

    @Property
    void aKeyInTheCanaryNeverLeavesItAsTheWeightGrows(@ForAll long keyHash,
                                                      @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 100) Integer> steps) {
        List<Integer> weights = steps.stream().sorted().toList();
        ReleaseTrafficPlan plan = new ReleaseTrafficPlan("rain@2", "baseline");
        boolean inCanary = false;
        for (int weight : weights) {
            plan.publish(baseline, canary, weight, null, 0.0);
            Assignment assignment = plan.assign(keyHash);
            if (inCanary) {
                assertThat(assignment).isSameAs(canary);
            }
            inCanary = assignment == canary;
            assertThat(inCanary).isEqualTo(Math.floorMod(keyHash, 10_000) < weight * 100);
        }
    }
}
