package org.tokenbench.programming;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.Verifier;

/**
 * The main job, for any driver that offers {@link SeedProgramming}: compare the token's clock with the PC's, burn seed
 * and settings, then have the user type the code the token now shows and check it against the seed (±1 step). Seeds
 * are write-only, so the displayed code is the only proof the burn worked.
 */
public final class TokenProgrammer {

    /** tokenbench:0x0003 and up are explained by the tokenbench diagnostics catalog. */
    public static final long CLOCK_SKEW_TOO_LARGE = 3;
    public static final long NOT_PROGRAMMABLE = 4;
    public static final long SETTINGS_UNSUPPORTED = 5;
    public static final long NOT_CONFIRMED = 6;
    public static final long CONFIRMATION_MISMATCH = 7;
    /** The user canceled before the burn began; nothing was written. */
    public static final long CANCELED = 0x10;

    /**
     * @param token           what was programmed
     * @param skewBefore      token clock minus PC clock before programming
     * @param confirmedOffset step offset of the code the user typed (0: token and PC agree)
     */
    public record Result(DeviceIdentity token, Duration skewBefore, int confirmedOffset) {
    }

    private final Clock pcClock;
    private final Duration maxSkew;

    public TokenProgrammer(Clock pcClock, Duration maxSkew) {
        this.pcClock = pcClock;
        this.maxSkew = maxSkew;
    }

    /** When tokens need a clock check: the usual bound, generous for drift but catching a wrong PC clock. */
    public static Duration defaultMaxSkew() {
        return Duration.ofMinutes(5);
    }

    /**
     * The device settings for a credential: its hash, digits and period, with the display time and profile chosen for
     * the token. Only time-based credentials fit a token.
     */
    public static SeedProgramming.Settings settings(OtpParams params, int displaySeconds, int profile) throws TokenException {
        if (params.type() != OtpType.TOTP) {
            throw failure(SETTINGS_UNSUPPORTED, "only time-based (TOTP) credentials can be put on a token");
        }
        HashAlgorithm algorithm = HashAlgorithm.parse(params.algorithm().name()).orElseThrow(() -> failure(SETTINGS_UNSUPPORTED,
                "no token computes " + params.algorithm().name() + " codes"));
        return new SeedProgramming.Settings(algorithm, params.digits(), params.periodSeconds(), displaySeconds, profile);
    }

    /** Programs with what the session's driver accepts; see {@link #program(TokenSession, ProgrammingChoices, OtpAccount, int, int, boolean, Interaction, ProgressMonitor)}. */
    public Result program(TokenSession session, OtpAccount account, int displaySeconds, int profile, boolean force,
            Interaction interaction, ProgressMonitor monitor) throws TokenException {
        return program(session, null, account, displaySeconds, profile, force, interaction, monitor);
    }

    /**
     * @param choices        the claimed device family's choices (from its descriptor), checked before anything is sent;
     *                       null when the family is not known, then only the session's own check applies
     * @param displaySeconds how long the token's display stays on
     * @param profile        the slot on a multi-profile token (0 on single-profile ones)
     * @param force          program even when the token clock is further off than the bound
     * @param monitor        progress; a cancel before the burn writes nothing, the burn itself is never cut short
     */
    public Result program(TokenSession session, ProgrammingChoices choices, OtpAccount account, int displaySeconds, int profile,
            boolean force, Interaction interaction, ProgressMonitor monitor) throws TokenException {
        SeedProgramming programming = session.feature(SeedProgramming.class).orElseThrow(() -> failure(NOT_PROGRAMMABLE,
                "the " + session.identity().family() + " device cannot be programmed with a seed"));
        OtpParams params = account.params();
        SeedProgramming.Settings settings = settings(params, displaySeconds, profile);
        Optional<String> unsupported = choices == null ? Optional.empty() : choices.unsupported(settings);
        if (unsupported.isEmpty()) {
            unsupported = programming.unsupported(settings);
        }
        if (unsupported.isPresent()) {
            throw failure(SETTINGS_UNSUPPORTED, unsupported.get());
        }

        Duration skew = checkClocks(session, force, interaction);
        if (monitor.isCanceled()) {
            throw failure(CANCELED, "programming token " + session.identity().serial() + " was canceled before anything was written");
        }
        programming.program(account.secret(), settings, pcClock.instant(), monitor);
        return confirm(session, account, params, skew, interaction);
    }

    /** Token clock minus PC clock; refused beyond the bound unless forced, because then one of the two is wrong. */
    private Duration checkClocks(TokenSession session, boolean force, Interaction interaction) throws TokenException {
        Optional<TokenClock> clock = session.feature(TokenClock.class);
        if (clock.isEmpty()) {
            return Duration.ZERO;
        }
        Duration skew = TokenClock.skew(clock.get().tokenTime(), pcClock.instant());
        if (skew.abs().compareTo(maxSkew) > 0 && !force) {
            throw failure(CLOCK_SKEW_TOO_LARGE, "token " + session.identity().serial() + " is " + describe(skew) + " the PC (allowed: "
                    + maxSkew.toSeconds() + " s). Check the PC clock first; force to set the token to it.");
        }
        interaction.inform("Token clock is " + describe(skew) + " the PC clock; programming sets it to the PC's.");
        return skew;
    }

    private Result confirm(TokenSession session, OtpAccount account, OtpParams params, Duration skew, Interaction interaction)
            throws TokenException {
        String shown = interaction.askText("Type the code token " + session.identity().serial() + " shows now").orElse("");
        if (shown.isBlank()) {
            throw failure(NOT_CONFIRMED, "the seed was written but not confirmed: compare the token's code with a phone app");
        }
        try (Verifier verifier = new Verifier(account.secret(), params, 1)) {
            Verifier.Result check = verifier.verify(shown.strip(), pcClock.instant().getEpochSecond());
            if (!check.accepted()) {
                throw failure(CONFIRMATION_MISMATCH, "the code the token shows (" + check.outcome().name().toLowerCase(Locale.ROOT)
                        + ") does not match the seed within ±1 step: the burn did not take, or the token clock is off");
            }
            return new Result(session.identity(), skew, check.stepOffset());
        }
    }

    private static String describe(Duration skew) {
        long seconds = skew.toSeconds();
        return seconds == 0 ? "in step with" : Math.abs(seconds) + " s " + (seconds > 0 ? "ahead of" : "behind");
    }

    private static TokenException failure(long code, String message) {
        return new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, code), message);
    }
}
