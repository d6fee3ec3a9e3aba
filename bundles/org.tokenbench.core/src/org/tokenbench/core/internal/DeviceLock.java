package org.tokenbench.core.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Exclusive access to one device in this process. A semaphore rather than a ReentrantLock: a workbench Job may open a
 * session on one thread and close it on another, and a second open on the same thread must wait, not re-enter.
 * Fair, so operations run in the order they asked.
 */
final class DeviceLock {

    private final Semaphore permit = new Semaphore(1, true);

    void acquireUninterruptibly() {
        permit.acquireUninterruptibly();
    }

    boolean tryAcquire(Duration wait) {
        try {
            return permit.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        permit.release();
    }

    boolean isHeld() {
        return permit.availablePermits() == 0;
    }
}
