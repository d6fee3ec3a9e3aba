package org.tokenbench.ui.internal.views;

/** Ending a subscription to a service (devices events, audit records) that may already have gone. */
public final class Subscriptions {

    private Subscriptions() {
    }

    /** Closes {@code subscription} (null: none); a service that went first has nothing left to end, so that is not an error. */
    public static void closeQuietly(AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            // the service went away first: nothing left to unsubscribe from
        }
    }
}
