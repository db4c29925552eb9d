package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.Store;
import java.util.function.Consumer;

/**
 * An optional capability of a {@link Store}: it tells when a document changes, whichever process wrote it (the
 * PostgreSQL store does, through LISTEN/NOTIFY backed by its change log). Code that follows a document, such as a
 * replica following a release's traffic plan, watches it when the store can notify and polls it otherwise:
 *
 * <pre>{@code
 * if (store instanceof ChangeNotifyingStore notifying) {
 *     StoreWatch watch = notifying.watch("release-journal", change -> refresh(change.key()));
 * } else {
 *     scheduler.scheduleWithFixedDelay(this::refreshAll, 1, 1, TimeUnit.SECONDS);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface ChangeNotifyingStore extends Store {

    /**
     * Calls a listener with every change to a collection committed from now on, by this process or any other, in
     * commit order, on a thread of the store's (keep the listener short; it must not block for long). A change may
     * be told more than once (e.g. after a reconnection); read the document to see its current content. Exceptions
     * the listener throws are logged and ignored.
     *
     * @param collection the collection to follow
     * @param listener   called with each change
     * @return the watch; close it to stop
     */
    StoreWatch watch(String collection, Consumer<DocumentChange> listener);
}
