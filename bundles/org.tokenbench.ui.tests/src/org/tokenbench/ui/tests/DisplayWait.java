package org.tokenbench.ui.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Spins the event loop (tests run on the display thread) until views caught up with OSGi events. */
final class DisplayWait {

    private DisplayWait() {
    }

    static void until(BooleanSupplier condition) {
        until(condition, 5);
    }

    static void until(BooleanSupplier condition, int seconds) {
        until(condition, seconds, () -> "");
    }

    /** {@code shown} says what the view showed instead, for the failure message. */
    static void until(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> shown) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the view did not update within " + seconds + " s; it shows: " + shown.get());
            }
            if (!display.readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
    }
}
