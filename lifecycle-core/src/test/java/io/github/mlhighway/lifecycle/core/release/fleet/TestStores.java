package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.store.ChangeNotifyingStore;
import io.github.mlhighway.lifecycle.core.store.DocumentChange;
import io.github.mlhighway.lifecycle.core.store.StoreWatch;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Store wrappers for the fleet tests. */
final class TestStores {

    private TestStores() {
    }

    /** Forwards everything to a shared store. */
    static class Forwarding implements Store {
        final Store delegate;

        Forwarding(Store delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<StoredDocument> read(String collection, String key) {
            return delegate.read(collection, key);
        }

        @Override
        public StoredDocument write(String collection, String key, String json, long expectedRevision) {
            return delegate.write(collection, key, json, expectedRevision);
        }

        @Override
        public List<String> keys(String collection) {
            return delegate.keys(collection);
        }

        @Override
        public boolean delete(String collection, String key) {
            return delegate.delete(collection, key);
        }
    }

    /**
     * Tells every watcher of a collection about each write, synchronously on the writing thread (as PostgreSQL's
     * notification would, a few milliseconds later on its own thread).
     */
    static final class Notifying extends Forwarding implements ChangeNotifyingStore {
        private final List<Watch> watches = new CopyOnWriteArrayList<>();

        Notifying(Store delegate) {
            super(delegate);
        }

        /** Another view of the same store and watches, as a second JVM's store object would be. */
        Notifying replica() {
            Notifying other = new Notifying(delegate);
            return other.sharingWatchesOf(this);
        }

        private Notifying sharingWatchesOf(Notifying origin) {
            origin.peers.add(this);
            this.peers = origin.peers;
            return this;
        }

        private List<Notifying> peers = new CopyOnWriteArrayList<>(List.of(this));

        @Override
        public StoredDocument write(String collection, String key, String json, long expectedRevision) {
            StoredDocument written = super.write(collection, key, json, expectedRevision);
            for (Notifying peer : peers) {
                for (Watch watch : peer.watches) {
                    if (watch.collection.equals(collection) && !watch.closed) {
                        watch.listener.accept(new DocumentChange(collection, key, written.revision()));
                    }
                }
            }
            return written;
        }

        @Override
        public StoreWatch watch(String collection, Consumer<DocumentChange> listener) {
            Watch watch = new Watch(collection, listener);
            watches.add(watch);
            return watch;
        }

        private static final class Watch implements StoreWatch {
            final String collection;
            final Consumer<DocumentChange> listener;
            volatile boolean closed;

            Watch(String collection, Consumer<DocumentChange> listener) {
                this.collection = collection;
                this.listener = listener;
            }

            @Override
            public void close() {
                closed = true;
            }
        }
    }

    /** Runs a hook once, just before the next write to a collection reaches the shared store. */
    static final class Intercepting extends Forwarding {
        private final String collection;
        private volatile Runnable beforeNextWrite;

        Intercepting(Store delegate, String collection) {
            super(delegate);
            this.collection = collection;
        }

        void beforeNextWrite(Runnable hook) {
            this.beforeNextWrite = hook;
        }

        @Override
        public StoredDocument write(String collection, String key, String json, long expectedRevision) {
            Runnable hook = beforeNextWrite;
            if (hook != null && collection.equals(this.collection)) {
                beforeNextWrite = null;
                hook.run();
            }
            return super.write(collection, key, json, expectedRevision);
        }
    }
}
