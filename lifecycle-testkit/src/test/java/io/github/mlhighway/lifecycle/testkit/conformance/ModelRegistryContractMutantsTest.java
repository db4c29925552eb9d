package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.MetricPoint;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.registry.RegistrationConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ModelRegistryContract} fails every broken registry below, each breaking one rule of the
 * {@link ModelRegistry} javadoc, in the test that asserts it; and passes the correct registry they wrap.
 */
class ModelRegistryContractMutantsTest {

    static Stream<Arguments> mutants() {
        return Stream.of(
                kill(RacyVersionNumbers.class, "concurrentRegistrationsGetDistinctConsecutiveVersions"),
                kill(RacyAliasMoves.class, "ofConcurrentMovesOfOneAliasExactlyOneWins"),
                kill(IgnoresExpectedFrom.class, "aliasMovesAreCompareAndSet"),
                kill(AcceptsAFailingVerdict.class, "movesWithoutAllowingEvidenceAreRefused"),
                kill(MovesWithoutEvidence.class, "movesWithoutAllowingEvidenceAreRefused"),
                kill(IgnoresTheDeclaredSubject.class, "movesWithoutAllowingEvidenceAreRefused"),
                kill(AcceptsAVerdictFromBeforeTheVersion.class,
                        "aVerdictFromBeforeTheVersionCountsOnlyForItsExactBytes"),
                kill(VerifiesOnlyTheFirstLoad.class, "loadVerifiesEveryArtifactEveryTime"),
                kill(IgnoresTheIdempotencyKey.class, "aKeyedDraftIsRegisteredOnce",
                        "concurrentRegistrationsOfOneKeyMakeOneVersion"),
                kill(KeyReturnsAVersionWithOtherArtifacts.class, "aKeyWithOtherArtifactsConflicts"),
                kill(WallClockCreatedAt.class, "versionsAreNumberedFromOneWithTheirMetadataAndArtifacts"),
                kill(KeepsOnlyTheLastMove.class, "aliasMovesAreCompareAndSet"),
                kill(VersionsNewestFirst.class, "versionsAreNumberedFromOneWithTheirMetadataAndArtifacts"),
                kill(MetricHistoryOfEveryVersion.class, "metricHistoryFollowsTheVersions"));
    }

    private static Arguments kill(Class<? extends ModelRegistryContract> mutant, String... tests) {
        return Arguments.of(mutant.getSimpleName(), mutant, Set.of(tests));
    }

    @ParameterizedTest(name = "the kit kills {0}")
    @MethodSource("mutants")
    void theKitFailsTheMutantInTheTestOfItsRule(String name, Class<? extends ModelRegistryContract> mutant,
                                                Set<String> rule) {
        KitRun run = KitRun.of(mutant);

        assertThat(run.count()).as("tests run against %s", name).isGreaterThan(10);
        assertThat(run.failures().keySet()).as("tests of the kit that failed %s: %s", name, run.failures())
                .containsAnyElementsOf(rule);
    }

    @Test
    void theKitPassesTheRegistryTheMutantsWrap() {
        KitRun run = KitRun.of(Reference.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).isEmpty();
    }

    /** The kit's subclass for a mutant: the core registry over a {@link ReferenceStore}, wrapped. */
    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    abstract static class Mutant extends ModelRegistryContract {
        @TempDir
        Path artifacts;

        Store store(Clock clock) {
            return new ReferenceStore(clock);
        }

        ModelRegistry wrap(ModelRegistry registry) {
            return registry;
        }

        Clock registryClock() {
            return clock;
        }

        @Override
        protected ModelRegistry newRegistry() {
            return wrap(ModelRegistries.on(store(clock), ArtifactStore.under(artifacts), registryClock()));
        }
    }

    static class Reference extends Mutant {
    }

    /** A store whose create (MUST_NOT_EXIST) in one collection overwrites, so registrations can take one number. */
    static class CreateOverwrites extends ReferenceStore {
        private final String collection;

        CreateOverwrites(Clock clock, String collection) {
            super(clock);
            this.collection = collection;
        }

        @Override
        public StoredDocument write(String in, String key, String json, long expectedRevision) {
            return super.write(in, key, json, in.equals(collection) ? ANY_REVISION : expectedRevision);
        }
    }

    static class RacyVersionNumbers extends Mutant {
        @Override
        Store store(Clock clock) {
            return new CreateOverwrites(clock, "registry-versions");
        }
    }

    static class RacyAliasMoves extends Mutant {
        @Override
        Store store(Clock clock) {
            return new CreateOverwrites(clock, "registry-aliases");
        }
    }

    static class IgnoresExpectedFrom extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public AliasMove moveAlias(AliasMoveRequest r) {
                    return super.moveAlias(new AliasMoveRequest(r.model(), r.alias(), r.toVersion(), null, r.verdict(),
                            r.override(), r.verdictSubject()));
                }
            };
        }
    }

    static class AcceptsAFailingVerdict extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public AliasMove moveAlias(AliasMoveRequest r) {
                    if (r.verdict() != null && r.verdict().outcome() == Outcome.FAIL && r.override() == null) {
                        r = new AliasMoveRequest(r.model(), r.alias(), r.toVersion(), r.expectedFrom(),
                                r.verdict().withOutcome(Outcome.WARN), null, r.verdictSubject());
                    }
                    return super.moveAlias(r);
                }
            };
        }
    }

    static class MovesWithoutEvidence extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public AliasMove moveAlias(AliasMoveRequest r) {
                    return super.moveAlias(r.verdict() == null && r.override() == null
                            ? r.withOverride("nobody", "no evidence needed") : r);
                }
            };
        }
    }

    static class IgnoresTheDeclaredSubject extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public AliasMove moveAlias(AliasMoveRequest r) {
                    return super.moveAlias(new AliasMoveRequest(r.model(), r.alias(), r.toVersion(), r.expectedFrom(),
                            r.verdict(), r.override(), null));
                }
            };
        }
    }

    /** Judges a verdict by the time of the move instead of the time it was decided. */
    static class AcceptsAVerdictFromBeforeTheVersion extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public AliasMove moveAlias(AliasMoveRequest r) {
                    if (r.verdict() == null) {
                        return super.moveAlias(r);
                    }
                    io.github.mlhighway.lifecycle.gate.Verdict v = r.verdict();
                    io.github.mlhighway.lifecycle.gate.Verdict now = new io.github.mlhighway.lifecycle.gate.Verdict(
                            v.gate(), v.outcome(), v.findings(), clock.instant(), v.subject());
                    return super.moveAlias(new AliasMoveRequest(r.model(), r.alias(), r.toVersion(), r.expectedFrom(),
                            now, r.override(), r.verdictSubject()));
                }
            };
        }
    }

    /** Caches the verified files of a version, so later loads skip the check. */
    static class VerifiesOnlyTheFirstLoad extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                private final Map<ModelRef, LoadedModel> verified = new ConcurrentHashMap<>();

                @Override
                public LoadedModel load(ModelRef ref) {
                    return verified.computeIfAbsent(ref, super::load);
                }
            };
        }
    }

    static class IgnoresTheIdempotencyKey extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public ModelVersion register(NewModelVersion d) {
                    return super.register(new NewModelVersion(d.model(), d.parameters(), d.metrics(), d.tags(),
                            d.files(), d.lineage()));
                }
            };
        }
    }

    static class KeyReturnsAVersionWithOtherArtifacts extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public ModelVersion register(NewModelVersion d) {
                    try {
                        return super.register(d);
                    } catch (RegistrationConflictException e) {
                        return versions(d.model()).stream().filter(v -> d.idempotencyKey().equals(v.idempotencyKey()))
                                .findFirst().orElseThrow();
                    }
                }
            };
        }
    }

    static class WallClockCreatedAt extends Mutant {
        @Override
        Clock registryClock() {
            return Clock.systemUTC();
        }
    }

    static class KeepsOnlyTheLastMove extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public List<AliasMove> aliasMoves(String model) {
                    List<AliasMove> moves = super.aliasMoves(model);
                    return moves.isEmpty() ? moves : List.of(moves.get(moves.size() - 1));
                }
            };
        }
    }

    static class VersionsNewestFirst extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public List<ModelVersion> versions(String model) {
                    List<ModelVersion> versions = new ArrayList<>(super.versions(model));
                    Collections.reverse(versions);
                    return versions;
                }
            };
        }
    }

    /** Lists a metric point for every version, with 0 where the version has no such metric. */
    static class MetricHistoryOfEveryVersion extends Mutant {
        @Override
        ModelRegistry wrap(ModelRegistry registry) {
            return new ForwardingRegistry(registry) {
                @Override
                public List<MetricPoint> metricHistory(String model, String metric) {
                    return versions(model).stream().map(v -> new MetricPoint(v.version(), v.createdAt(),
                            v.metrics().getOrDefault(metric, 0.0))).toList();
                }
            };
        }
    }

    /** Forwards every call; mutants override one. */
    static class ForwardingRegistry implements ModelRegistry {
        private final ModelRegistry delegate;

        ForwardingRegistry(ModelRegistry delegate) {
            this.delegate = delegate;
        }

        @Override
        public ModelVersion register(NewModelVersion draft) {
            return delegate.register(draft);
        }

        @Override
        public ModelVersion version(ModelRef ref) {
            return delegate.version(ref);
        }

        @Override
        public LoadedModel load(ModelRef ref) {
            return delegate.load(ref);
        }

        @Override
        public AliasMove moveAlias(AliasMoveRequest request) {
            return delegate.moveAlias(request);
        }

        @Override
        public List<String> models() {
            return delegate.models();
        }

        @Override
        public List<ModelVersion> versions(String model) {
            return delegate.versions(model);
        }

        @Override
        public Map<String, Integer> aliases(String model) {
            return delegate.aliases(model);
        }

        @Override
        public List<AliasMove> aliasMoves(String model) {
            return delegate.aliasMoves(model);
        }

        @Override
        public List<MetricPoint> metricHistory(String model, String metric) {
            return delegate.metricHistory(model, metric);
        }
    }
}
