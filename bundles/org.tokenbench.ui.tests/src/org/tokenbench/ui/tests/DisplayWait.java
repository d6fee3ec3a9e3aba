package org.tokenbench.ui.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Spins the event loop (tests run on the display thread) until views caught up with OSGi events. */
final class DisplayWait {

    private DisplayWait() {
    }

    static void until(BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the view did not update within 5 s");
            }
            if (!display.readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
    }
}
