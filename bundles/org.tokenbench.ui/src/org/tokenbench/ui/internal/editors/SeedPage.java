package org.tokenbench.ui.internal.editors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.ui.internal.model.DeviceOffer;
import org.tokenbench.ui.internal.views.ProgramTokenView;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * Seed programming and the token clock: what the family's descriptor lets a seed use, the token's clock against the
 * PC's, and the Program Token view (the one place a seed is burnt, with its checks) opened on this device.
 */
final class SeedPage extends EditorPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final DeviceOffer offer;
    private Label clock;

    SeedPage(DeviceOffer offer) {
        this.offer = offer;
    }

    @Override
    String title() {
        return Messages.page_seed;
    }

    @Override
    String key() {
        return "seed";
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.seed_settings);
        Label settings = new Label(parent, SWT.WRAP);
        settings.setText(offer.otpSettings().orElse(Messages.seed_noSettings));
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(settings);
        new Label(parent, SWT.NONE).setText(Messages.seed_clock);
        clock = Widgets.id(new Label(parent, SWT.WRAP), "seed.clock");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(clock);
        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(buttons);
        commandButton(buttons, Messages.seed_readClock, "seed.readClock", org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, this::readClock);
        button(buttons, Messages.seed_program, "seed.program", this::openProgramToken);
    }

    @Override
    void shown() {
        readClock();
    }

    /** The token's clock against the PC's, read in a device Job (reading costs nothing). */
    private void readClock() {
        Label shownIn = clock;
        device.run(Messages.seed_readingClock, (session, monitor) -> {
            String text;
            if (session.feature(TokenClock.class).isEmpty()) {
                text = Messages.seed_noClock;
            } else {
                Instant pc = Instant.now();
                Instant token = session.feature(TokenClock.class).get().tokenTime();
                text = NLS.bind(Messages.seed_clockRead, new Object[] {TIME.format(token), TIME.format(pc),
                        DeviceOffer.signedSeconds(TokenClock.skew(token, pc))});
            }
            if (session.feature(SeedProgramming.class).isEmpty()) {
                text += "\n" + Messages.seed_noProgramming;
            }
            String read = text;
            Widgets.later(shownIn, () -> {
                shownIn.setText(read);
                shownIn.getParent().layout(true, true);
            });
        });
    }

    /** Program Token (with its key sources, settings check and burn) on this device. */
    private void openProgramToken() {
        openView(ProgramTokenView.ID);
    }
}
