package io.github.mlhighway.lifecycle.core.registry;

import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one document per model that holds its aliases and the audit log of their moves, so that a move and its
 * audit entry are written together, by one compare-and-set.
 *
 * @param model   the model
 * @param aliases alias to version
 * @param moves   every move, oldest first; only ever appended to
 */
record AliasBook(String model, Map<String, Integer> aliases, List<AliasMove> moves) {

    AliasBook {
        aliases = java.util.Collections.unmodifiableMap(new TreeMap<>(aliases == null ? Map.of() : aliases));
        moves = moves == null ? List.of() : List.copyOf(moves);
    }

    static AliasBook empty(String model) {
        return new AliasBook(model, Map.of(), List.of());
    }

    int versionOf(String alias) {
        return aliases.getOrDefault(alias, AliasMoveRequest.UNASSIGNED);
    }

    AliasBook with(AliasMove move) {
        Map<String, Integer> moved = new TreeMap<>(aliases);
        moved.put(move.alias(), move.toVersion());
        List<AliasMove> log = new ArrayList<>(moves);
        log.add(move);
        return new AliasBook(model, moved, log);
    }
}
