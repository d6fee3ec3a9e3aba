package org.tokenbench.ui.internal.editors;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * The device's PINs through its {@link PinGuard}: each PIN's retry counter (read without spending a try) and a
 * verification the user asks for, tried exactly once. The guard reads the counter first, never tries a locked PIN and
 * asks before the last try; this page never verifies again by itself.
 */
final class PinPage extends EditorPage {

    private final Map<PinType, Label> counters = new EnumMap<>(PinType.class);
    private final Map<PinType, Text> fields = new EnumMap<>(PinType.class);
    private final Map<PinType, org.eclipse.swt.widgets.Button> verifyButtons = new EnumMap<>(PinType.class);

    @Override
    String title() {
        return Messages.page_pin;
    }

    @Override
    String key() {
        return "pin";
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(parent);
        for (PinType type : PinType.values()) {
            // label, field and Verify side by side, the counter after them: on a wide editor the field stays by its label
            new Label(parent, SWT.NONE).setText(type == PinType.USER ? Messages.pin_user : Messages.pin_admin);
            Text field = Widgets.id(new Text(parent, SWT.BORDER | SWT.PASSWORD), "pin.field." + type);
            field.setToolTipText(Messages.pin_fieldTip);
            GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(field);
            verifyButtons.put(type, button(parent, Messages.pin_verify, "pin.verify." + type, () -> verify(type)));
            Label counter = Widgets.id(new Label(parent, SWT.NONE), "pin.counter." + type);
            GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(260, SWT.DEFAULT).applyTo(counter);
            counters.put(type, counter);
            fields.put(type, field);
        }
        Label note = new Label(parent, SWT.WRAP);
        note.setText(Messages.pin_note);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(note);
        commandButton(parent, Messages.pin_readCounters, "pin.read", org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, this::readCounters);
    }

    @Override
    void shown() {
        readCounters();
    }

    /** Each PIN's counter, read without spending a try. */
    private void readCounters() {
        device.run(Messages.pin_reading, (session, monitor) -> {
            PinGuard guard = guard(session);
            Map<PinType, String> texts = new EnumMap<>(PinType.class);
            for (PinType type : PinType.values()) {
                texts.put(type, guard.pinTypes().contains(type) ? describe(guard.status(type)) : Messages.pin_none);
            }
            showCounters(texts);
        });
    }

    /** One verification of the typed PIN; the field is emptied at once and the typed characters wiped. */
    private void verify(PinType type) {
        Text field = fields.get(type);
        char[] typed = field.getTextChars();
        field.setText("");
        if (typed.length == 0) {
            setStatus(Messages.pin_typeFirst);
            return;
        }
        Secret pin = Secret.fromChars(typed);
        setStatus(Messages.pin_verifying);
        device.run(Messages.pin_verifying, (session, monitor) -> {
            try (pin) {
                PinGuard guard = guard(session);
                // The point of no return: after this the device counts the try, whatever the user presses.
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                monitor.subTask(Messages.pin_noCancel);
                PinStatus after;
                try {
                    after = guard.verify(type, pin, device.interaction());
                } finally {
                    settle(guard);
                }
                device.show(NLS.bind(Messages.pin_accepted, describe(after)));
            }
            // listened to before the Job is scheduled: a Job cancelled before it ran still wipes the PIN
        }, result -> pin.close());
    }

    /**
     * After a try, whatever it did: log out and show the counters. Their own failures are caught one by one so they
     * never replace the verification's outcome, which is what the user needs to read (the counters can be read again).
     */
    private void settle(PinGuard guard) {
        try {
            guard.logout();
        } catch (RuntimeException e) {
            // a driver's logout failing (it declares no checked failure) must not hide the verification's outcome; the
            // editor closes the session right after, which leaves nothing logged in
        }
        try {
            Map<PinType, String> texts = new EnumMap<>(PinType.class);
            for (PinType each : guard.pinTypes()) {
                texts.put(each, describe(guard.status(each)));
            }
            showCounters(texts);
        } catch (TokenException e) {
            // the counters stay as they were; Read counters tries again
        }
    }

    private static PinGuard guard(org.tokenbench.core.device.DeviceSession session) throws TokenException {
        return session.feature(PinGuard.class).orElseThrow(() -> new TokenException(EditorCodes.FEATURE_GONE, Messages.pin_gone));
    }

    static String describe(PinStatus status) {
        String tries = status.isLocked() ? NLS.bind(Messages.pin_locked, status.maxTries())
                : NLS.bind(Messages.pin_triesLeft, status.triesLeft(), status.maxTries());
        return status.isDefault() ? tries + " · " + Messages.pin_default : tries;
    }

    private void showCounters(Map<PinType, String> texts) {
        Widgets.later(counters.get(PinType.USER), () -> texts.forEach((type, text) -> {
            Label counter = counters.get(type);
            if (!counter.isDisposed()) {
                counter.setText(text);
                // a PIN the device does not have cannot be typed or verified
                boolean present = !text.equals(Messages.pin_none);
                fields.get(type).setEnabled(present);
                verifyButtons.get(type).setEnabled(present);
            }
        }));
    }
}
