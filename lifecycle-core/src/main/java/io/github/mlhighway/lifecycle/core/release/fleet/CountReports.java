package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where count reports live: collection {@value #COLLECTION}, key {@code RELEASE_NAME_INCARNATION} (replica names
 * and incarnations have no {@code _}, so two replicas never share a key), read for a release with one
 * {@link Store#readAll} of the release's prefix.
 */
final class CountReports {

    /** The store collection of count reports. */
    static final String COLLECTION = "release-counts";

    private CountReports() {
    }

    static String key(String releaseId, ReplicaId replica) {
        String key = releaseId + "_" + replica.name() + "_" + replica.incarnation();
        if (!StoreNames.isValid(key)) {
            throw new IllegalArgumentException("The count report key '" + key + "' of release '" + releaseId
                    + "' and replica " + replica + " is not a valid store key (at most 128 letters, digits, '.', '_'"
                    + " or '-'): use a shorter release id or replica name");
        }
        return key;
    }

    /** The reports of one release, and the documents under its prefix that could not be read as reports. */
    record Read(List<CountReport> reports, List<String> unreadable) {
    }

    static Read read(Store store, String releaseId) {
        List<CountReport> reports = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (StoredDocument document : store.readAll(COLLECTION, releaseId + "_")) {
            CountReport report;
            try {
                report = parse(document);
            } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
                unreadable.add("the count report " + COLLECTION + "/" + document.key() + " (revision "
                        + document.revision() + ") cannot be read, so its replica's counts are missing from the sums: "
                        + e.getMessage());
                continue;
            }
            if (report.releaseId().equals(releaseId)) {
                reports.add(report); // the prefix also matches longer release ids: the body says whose it is
            }
        }
        return new Read(reports, unreadable);
    }

    static CountReport parse(StoredDocument document) {
        CountReport report = Json.read(document.json(), CountReport.class);
        if (report.format() != CountReport.FORMAT) {
            throw new IllegalArgumentException("format " + report.format() + " is not the known format "
                    + CountReport.FORMAT);
        }
        return report;
    }
}
