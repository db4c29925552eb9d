package io.github.mlhighway.lifecycle.core.release.fleet;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who reports counts: a replica's stable name (a host or pod name, the same after a restart) and its incarnation
 * (new for every process, and for every {@link CountPublisher}), so a restarted process is a new reporter and the
 * reports of the one that died keep counting in the fleet's sums.
 *
 * @param name        the stable name: 1 to 60 letters, digits, {@code . -}, starting with a letter or digit
 * @param incarnation this process's incarnation, same alphabet
 * @since 0.1
 */
public record ReplicaId(String name, String incarnation) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,59}");

    /** Validates the parts (no {@code _}: it separates the parts of a report's store key). */
    public ReplicaId {
        requirePart(name, "name");
        requirePart(incarnation, "incarnation");
    }

    /**
     * A replica with a fresh random incarnation, for a process that starts reporting.
     *
     * @param name the stable name
     * @return the replica
     */
    public static ReplicaId fresh(String name) {
        return new ReplicaId(name, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private static void requirePart(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!PART.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("Invalid replica " + what + " '" + value + "': use 1 to 60 letters,"
                    + " digits, '.' or '-', starting with a letter or digit, without '..' (no '_')");
        }
    }

    @Override
    public String toString() {
        return name + " (incarnation " + incarnation + ")";
    }
}
