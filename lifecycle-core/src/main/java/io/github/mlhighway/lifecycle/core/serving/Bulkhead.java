package io.github.mlhighway.lifecycle.core.serving;

import java.util.concurrent.atomic.AtomicInteger;

/** Bounded concurrency without a semaphore: a CAS counter with try-acquire semantics; never blocks. */
final class Bulkhead {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    Bulkhead(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    boolean tryAcquire() {
        int current;
        do {
            current = inFlight.get();
            if (current >= limit) {
                return false;
            }
        } while (!inFlight.weakCompareAndSetVolatile(current, current + 1));
        return true;
    }

    void release() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }
}
