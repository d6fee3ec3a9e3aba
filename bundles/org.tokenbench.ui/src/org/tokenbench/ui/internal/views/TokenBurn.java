package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.programming.TokenProgrammer;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.JobProgress;
import org.tokenbench.ui.internal.model.ProgramTokenModel.Target;
import org.tokenbench.ui.internal.preferences.TokenBenchPreferences;

/**
 * Program Token's burn, the work of its device Job: opens a session on the connected device, refuses a token other
 * than the connected one, authenticates with the key file's access key when one is chosen (read now, wiped after), and
 * programs and confirms through {@link TokenProgrammer}, audited when the fleet bundle is there.
 */
final class TokenBurn implements DeviceJob.Work {

    /** tokenbench:0x0031: the token on the reader is not the one that was connected. */
    static final ErrorCode DIFFERENT_TOKEN = ErrorCode.of(ErrorCode.TOKENBENCH, 0x31);

    /** What to burn where: {@code account} is the burn's own copy of the key, closed by whoever made it. */
    record Order(Target target, OtpAccount account, int displaySeconds, boolean forceClock, Optional<Path> keyFile) {
    }

    private final DeviceService devices;
    private final Order order;
    private final OpenOptions options;
    private final Consumer<TokenProgrammer.Result> programmed;

    /** @param programmed told (on the Job's thread) when the token holds the key and showed the right code */
    TokenBurn(DeviceService devices, Order order, OpenOptions options, Consumer<TokenProgrammer.Result> programmed) {
        this.devices = devices;
        this.order = order;
        this.options = options;
        this.programmed = programmed;
    }

    @Override
    public void run(IProgressMonitor monitor) throws TokenException {
        Target target = order.target();
        try (DeviceSession session = devices.open(target.deviceId(), options);
             Secret accessKey = order.keyFile().isPresent() ? ProgramTokenSection.readKeyFile(order.keyFile().get()) : null;
             ServiceHandle<AuditLog> audit = new ServiceHandle<>(AuditLog.class);
             ServiceHandle<DeviceInventory> inventory = new ServiceHandle<>(DeviceInventory.class)) {
            String serial = session.identity().serial();
            if (!serial.equals(target.serial())) {
                throw new TokenException(DIFFERENT_TOKEN, NLS.bind(Messages.program_differentToken, serial, target.serial()));
            }
            if (accessKey != null) {
                session.feature(AccessKey.class).orElseThrow(() -> new TokenException(ProgramTokenSection.KEY_FILE_UNUSABLE,
                        Messages.program_noAccessKey)).use(accessKey);
            }
            programmed.accept(new TokenProgrammer(Clock.systemUTC(), TokenBenchPreferences.maxClockSkew(), audit.get().orElse(AuditLog.NONE),
                    inventory.get()).program(session, target.choices(), order.account(), order.displaySeconds(), 0, order.forceClock(),
                            options.interaction(), new JobProgress(monitor)));
        }
    }
}
