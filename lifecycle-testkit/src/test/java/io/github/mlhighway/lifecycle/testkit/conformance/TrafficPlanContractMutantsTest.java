package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TrafficPlanContract} fails every broken plan below, each breaking one rule of the {@link TrafficPlan}
 * javadoc, in the test that asserts that rule; and passes the correct {@link Split} they break. A mutant the kit
 * lets through fails this build.
 */
class TrafficPlanContractMutantsTest {

    static final String BASELINE = "rain@2";
    static final String CANDIDATE = "rain@3";
    static final Assignment TO_BASELINE = new Assignment(BASELINE, "baseline");
    static final Assignment TO_CANDIDATE = new Assignment(CANDIDATE, "canary");

    static Stream<Arguments> mutants() {
        return Stream.of(
                kill(IgnoresASmallCanary.class, "keysAreSharedBetweenVersionsAsExpected"),
                kill(SevenPercentInsteadOfFive.class, "keysAreSharedBetweenVersionsAsExpected"),
                kill(SomeKeysToAVersionThePlanLacks.class, "everyKeyGetsAnAssignmentOfAPlannedVersionInItsCohort"),
                kill(MinValueKeyToAnOldVersion.class, "everyKeyGetsAnAssignmentOfAPlannedVersionInItsCohort"),
                kill(CandidateInTheBaselineCohort.class, "everyKeyGetsAnAssignmentOfAPlannedVersionInItsCohort"),
                kill(NullForKeyZero.class, "everyKeyGetsAnAssignmentOfAPlannedVersionInItsCohort"),
                kill(RandomPerRequest.class, "theSameKeyKeepsItsAssignment"),
                kill(StickyOnlyForRecentKeys.class, "theSameKeyKeepsItsAssignment"),
                kill(SaltedPerInstance.class, "theSameKeyKeepsItsAssignment"),
                kill(SaltedWithTheWallClock.class, "theSameKeyKeepsItsAssignment"),
                kill(ReshufflesAtEveryWeight.class, "keysMoveOnlyFromTheBaselineAsTheWeightGrows"),
                kill(AllocatesAnAssignmentPerCall.class, "assignAllocatesNothing"),
                kill(SynchronizedAssign.class, "assignNeverBlocksNorWaits"),
                kill(LockedAssign.class, "assignNeverBlocksNorWaits"),
                kill(WrongShadowRate.class, "theShadowSettingsAreTheExpectedOnes"),
                kill(NoShadowVersion.class, "theShadowSettingsAreTheExpectedOnes"),
                kill(ShadowRateWithoutAShadowVersion.class, "theShadowSettingsAreTheExpectedOnes"));
    }

    private static Arguments kill(Class<? extends TrafficPlanContract> mutant, String... tests) {
        return Arguments.of(mutant.getSimpleName(), mutant, Set.of(tests));
    }

    @ParameterizedTest(name = "the kit kills {0}")
    @MethodSource("mutants")
    void theKitFailsTheMutantInTheTestOfItsRule(String name, Class<? extends TrafficPlanContract> mutant,
                                                Set<String> rule) {
        KitRun run = KitRun.of(mutant);

        assertThat(run.count()).as("tests run against %s", name).isGreaterThan(5);
        assertThat(run.failures().keySet()).as("tests of the kit that failed %s: %s", name, run.failures())
                .containsAnyElementsOf(rule);
    }

    @Test
    void theKitPassesTheCorrectSplitTheMutantsBreak() {
        KitRun run = KitRun.of(Reference.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).isEmpty();
    }

    /** A correct plan: bucket {@code floorMod(key, 10000)} below {@code weight * 100} goes to the candidate. */
    static class Split implements TrafficPlan {
        final int candidateBuckets;
        final String shadowVersion;
        final double shadowRate;

        Split(int weightPercent) {
            this(weightPercent, CANDIDATE, 0.1);
        }

        Split(int weightPercent, String shadowVersion, double shadowRate) {
            this.candidateBuckets = weightPercent * 100;
            this.shadowVersion = shadowVersion;
            this.shadowRate = shadowRate;
        }

        int bucket(long keyHash) {
            return Math.floorMod(keyHash, 10_000);
        }

        @Override
        public Assignment assign(long keyHash) {
            return bucket(keyHash) < candidateBuckets ? TO_CANDIDATE : TO_BASELINE;
        }

        @Override
        public String shadowVersion() {
            return shadowVersion;
        }

        @Override
        public double shadowSampleRate() {
            return shadowRate;
        }
    }

    /** The kit subclass of every mutant: a 5% canary mirroring 10% to the candidate, growing 1 → 99%. */
    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    abstract static class Mutant extends TrafficPlanContract {
        abstract TrafficPlan plan(int weightPercent);

        @Override
        protected TrafficPlan newPlan() {
            return plan(5);
        }

        @Override
        protected ExpectedPlan expectedPlan() {
            return ExpectedPlan.split(BASELINE, "baseline", CANDIDATE, "canary", 0.05).mirroring(CANDIDATE, 0.1);
        }

        @Override
        protected List<TrafficPlan> plansAsTheCandidateGrows() {
            return IntStream.of(1, 5, 25, 50, 99).mapToObj(this::plan).toList();
        }
    }

    static class Reference extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent);
        }
    }

    static class IgnoresASmallCanary extends Mutant {
        @Override
        protected TrafficPlan newPlan() {
            return plan(1);
        }

        @Override
        protected ExpectedPlan expectedPlan() {
            return ExpectedPlan.split(BASELINE, "baseline", CANDIDATE, "canary", 0.01).mirroring(CANDIDATE, 0.1);
        }

        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent < 2 ? 0 : weightPercent);
        }
    }

    static class SevenPercentInsteadOfFive extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent == 5 ? 7 : weightPercent);
        }
    }

    static class SomeKeysToAVersionThePlanLacks extends Mutant {
        static final Assignment OLD = new Assignment("rain@1", "baseline");

        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                public Assignment assign(long keyHash) {
                    return bucket(keyHash) == 9_999 ? OLD : super.assign(keyHash);
                }
            };
        }
    }

    static class MinValueKeyToAnOldVersion extends Mutant {
        static final Assignment OLD = new Assignment("rain@1", "baseline");

        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                public Assignment assign(long keyHash) {
                    return keyHash == Long.MIN_VALUE ? OLD : super.assign(keyHash);
                }
            };
        }
    }

    static class CandidateInTheBaselineCohort extends Mutant {
        static final Assignment MISCOUNTED = new Assignment(CANDIDATE, "baseline");

        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                public Assignment assign(long keyHash) {
                    Assignment assignment = super.assign(keyHash);
                    return assignment == TO_CANDIDATE ? MISCOUNTED : assignment;
                }
            };
        }
    }

    static class NullForKeyZero extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                public Assignment assign(long keyHash) {
                    return keyHash == 0 ? null : super.assign(keyHash);
                }
            };
        }
    }

    static class RandomPerRequest extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                int bucket(long keyHash) {
                    return ThreadLocalRandom.current().nextInt(10_000);
                }
            };
        }
    }

    /** Remembers the last 1024 keys and answers them the same; any other key goes by a round-robin counter. */
    static class StickyOnlyForRecentKeys extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                private final AtomicLong counter = new AtomicLong();
                private final Map<Long, Integer> recent = new LinkedHashMap<>(2048, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
                        return size() > 1024;
                    }
                };

                @Override
                synchronized int bucket(long keyHash) {
                    return recent.computeIfAbsent(keyHash, k -> (int) (counter.getAndIncrement() * 7919 % 10_000));
                }

                @Override
                public Assignment assign(long keyHash) {
                    return bucket(keyHash) < candidateBuckets ? TO_CANDIDATE : TO_BASELINE;
                }
            };
        }
    }

    static class SaltedPerInstance extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            long salt = new SplittableRandom().nextLong();
            return new Split(weightPercent) {
                @Override
                int bucket(long keyHash) {
                    return Math.floorMod(Long.rotateLeft(keyHash ^ salt, 17) * 0x9E3779B97F4A7C15L, 10_000);
                }
            };
        }
    }

    static class SaltedWithTheWallClock extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                int bucket(long keyHash) {
                    long second = System.currentTimeMillis() / 1000;
                    return Math.floorMod((keyHash ^ second) * 0x9E3779B97F4A7C15L, 10_000);
                }
            };
        }
    }

    /** Mixes the weight into the hash, so every step reshuffles which keys are in the candidate. */
    static class ReshufflesAtEveryWeight extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                int bucket(long keyHash) {
                    return Math.floorMod((keyHash + weightPercent) * 0x9E3779B97F4A7C15L, 10_000);
                }
            };
        }
    }

    static class AllocatesAnAssignmentPerCall extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                @Override
                public Assignment assign(long keyHash) {
                    Assignment shared = super.assign(keyHash);
                    return new Assignment(shared.version(), shared.cohort());
                }
            };
        }
    }

    static class SynchronizedAssign extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent) {
                private long calls;

                @Override
                public synchronized Assignment assign(long keyHash) {
                    calls++;
                    return super.assign(keyHash + (calls & 0));
                }
            };
        }
    }

    static class LockedAssign extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            ReentrantLock lock = new ReentrantLock();
            return new Split(weightPercent) {
                @Override
                public Assignment assign(long keyHash) {
                    lock.lock();
                    try {
                        return super.assign(keyHash);
                    } finally {
                        lock.unlock();
                    }
                }
            };
        }
    }

    static class WrongShadowRate extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent, CANDIDATE, 0.01);
        }
    }

    static class NoShadowVersion extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent, null, 0.0);
        }
    }

    static class ShadowRateWithoutAShadowVersion extends Mutant {
        @Override
        TrafficPlan plan(int weightPercent) {
            return new Split(weightPercent, null, 0.1);
        }
    }
}
