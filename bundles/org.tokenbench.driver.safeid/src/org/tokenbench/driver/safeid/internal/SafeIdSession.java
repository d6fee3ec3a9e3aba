package org.tokenbench.driver.safeid.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/**
 * One SafeID-class token on a reader: a single-profile NFC token or a Molto2 multi-profile one. Programming
 * is authenticate → configure (sets the clock) → write seed, because some firmware forgets the seed when its
 * clock is set. A refused authentication is never retried: it burns a try, and the token locks when they run
 * out. Only Molto2 offers {@link ClockSetting}: its clock-only command leaves the seeds alone.
 */
class SafeIdSession implements TokenSession, TokenClock, SeedProgramming, AccessKey {

    private static final int TRIES_SW1 = 0x63C0;

    private final ApduChannel channel;
    private final Interaction interaction;
    private final TriesLedger ledger;
    private final SafeIdProtocol.Family family;
    private final SafeIdProtocol.Info info;
    private Secret key;

    SafeIdSession(SafeIdProtocol.Family family, ApduChannel channel, Interaction interaction, TriesLedger ledger) throws TokenException {
        this.family = family;
        this.channel = channel;
        this.interaction = interaction;
        this.ledger = ledger;
        this.info = SafeIdProtocol.parseInfo(channel.transmit(SafeIdProtocol.readInfo(family)));
    }

    /** The session for a family: Molto2 sessions can also set the clock alone. */
    static SafeIdSession open(SafeIdProtocol.Family family, ApduChannel channel, Interaction interaction, TriesLedger ledger)
            throws TokenException {
        return family == SafeIdProtocol.Family.MOLTO2 ? new Molto2Session(channel, interaction, ledger)
                : new SafeIdSession(family, channel, interaction, ledger);
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity(SafeIdDriver.ID, family.label, info.serial());
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public Instant tokenTime() throws TokenException {
        return SafeIdProtocol.parseInfo(channel.transmit(SafeIdProtocol.readInfo(family))).clock();
    }

    /** Single-profile: the 16-byte SM4 key itself. Molto2: the customer key, from which the SM4 key is derived. */
    @Override
    public void use(Secret newKey) {
        if (family == SafeIdProtocol.Family.SINGLE_PROFILE && newKey.length() != 16) {
            throw new IllegalArgumentException("an SM4 key has 16 bytes, this one has " + newKey.length());
        }
        if (key != null) {
            key.close();
        }
        byte[] copy = newKey.copyBytes();
        if (family == SafeIdProtocol.Family.MOLTO2) {
            byte[] derived = SafeIdProtocol.molto2Key(copy);
            java.util.Arrays.fill(copy, (byte) 0);
            copy = derived;
        }
        key = Secret.adopt(copy);
    }

    @Override
    public String unsupported(Settings settings) {
        if (!settings.algorithm().equals("SHA1") && !settings.algorithm().equals("SHA256")) {
            return "this token computes HMAC-SHA1 or HMAC-SHA256 codes, not " + settings.algorithm();
        }
        boolean molto2 = family == SafeIdProtocol.Family.MOLTO2;
        if (molto2 ? settings.digits() % 2 != 0 || settings.digits() < 4 || settings.digits() > 10 : settings.digits() != 6) {
            return molto2 ? "this token shows 4, 6, 8 or 10 digits, not " + settings.digits()
                    : "this token shows 6-digit codes; " + settings.digits() + " digits are not possible";
        }
        if (settings.profile() < 0 || settings.profile() >= family.maxProfiles) {
            return molto2 ? "profiles are numbered 0 to " + (family.maxProfiles - 1) + ", not " + settings.profile()
                    : "this token has a single profile (0), not profile " + settings.profile();
        }
        if (settings.periodSeconds() != 30 && settings.periodSeconds() != 60) {
            return "this token changes codes every 30 or 60 seconds, not every " + settings.periodSeconds();
        }
        if (displayCode(settings.displaySeconds()) < 0) {
            return "the display can stay on for 15, 30, 60 or 120 seconds, not " + settings.displaySeconds();
        }
        return null;
    }

    @Override
    public void program(Secret seed, Settings settings, Instant clock, ProgressMonitor monitor) throws TokenException {
        String problem = unsupported(settings);
        if (problem != null) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6A80), problem);
        }
        if (seed.length() < 1 || seed.length() > SafeIdProtocol.MAX_SEED_BYTES) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6700),
                    "this token holds seeds of 1 to 63 bytes; this one has " + seed.length());
        }
        monitor.begin("Programming token " + info.serial(), 3);
        checkProfileIsFree(settings.profile());
        byte[] keyBytes = keyBytes();
        try {
            // One PC/SC transaction from authentication to the seed: nothing else may reach the token in between.
            channel.exclusively(() -> {
                burn(keyBytes, seed, settings, clock, monitor);
                return null;
            });
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    private void burn(byte[] keyBytes, Secret seed, Settings settings, Instant clock, ProgressMonitor monitor) throws TokenException {
        authenticate(keyBytes);
        monitor.worked(1, "authenticated");
        int hmac = settings.algorithm().equals("SHA256") ? 2 : 1;
        int display = displayCode(settings.displaySeconds());
        boolean molto2 = family == SafeIdProtocol.Family.MOLTO2;
        SafeIdProtocol.check(channel.transmit(SafeIdProtocol.configure(keyBytes, molto2 ? 0x01 : 0x00, settings.profile(), display,
                clock, hmac, molto2 ? settings.digits() : 0, settings.periodSeconds())), "the settings and clock");
        monitor.worked(1, "settings and clock written");
        byte[] seedBytes = seed.copyBytes();
        try {
            SafeIdProtocol.check(channel.transmit(SafeIdProtocol.writeSeed(keyBytes, seedBytes, settings.profile())), "the seed");
        } finally {
            Arrays.fill(seedBytes, (byte) 0);
        }
        monitor.worked(1, "seed written");
    }

    /** Multi-profile tokens: a profile that already holds a seed is overwritten only when the user says so. */
    private void checkProfileIsFree(int profile) throws TokenException {
        if (family != SafeIdProtocol.Family.MOLTO2) {
            return;
        }
        SafeIdProtocol.ProfileState state = SafeIdProtocol.parsePublicData(channel.transmit(SafeIdProtocol.publicData(profile)));
        if (state.seedExists() && !interaction.confirm("Profile " + profile + " of token " + info.serial()
                + " already holds a seed that someone may be using. Overwrite it?")) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6985),
                    "profile " + profile + " of token " + info.serial() + " already holds a seed; not overwritten");
        }
    }

    void authenticate(byte[] keyBytes) throws TokenException {
        OptionalInt known = ledger.triesLeft(info.serial());
        if (known.isPresent() && known.getAsInt() == 0) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6983), "token " + info.serial() + " is locked: no tries left");
        }
        if (known.isPresent() && known.getAsInt() == 1 && !interaction.confirm("Token " + info.serial()
                + " has 1 authentication try left; a wrong key locks it for good. Try the key once more?")) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, TRIES_SW1 | 1),
                    "not authenticating: token " + info.serial() + " has 1 try left and that was not confirmed");
        }
        Response challenge = channel.transmit(SafeIdProtocol.challenge());
        SafeIdProtocol.check(challenge, "to give an authentication challenge");
        Response answer = channel.transmit(SafeIdProtocol.authenticate(keyBytes, challenge.data()));
        if ((answer.sw() & 0xFFF0) == TRIES_SW1) {
            int left = answer.sw() & 0x0F;
            ledger.failed(info.serial(), left);
            interaction.inform("The token refused the key: " + left + " tries left. TokenBench does not retry.");
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, answer.sw()),
                    "token " + info.serial() + " refused the key; " + left + " tries left");
        }
        SafeIdProtocol.check(answer, "the key");
    }

    /** The session's SM4 key: the one given, else the family's published default. The caller wipes it. */
    byte[] keyBytes() {
        if (key != null) {
            return key.copyBytes();
        }
        return family == SafeIdProtocol.Family.MOLTO2 ? SafeIdProtocol.molto2Key(SafeIdProtocol.MOLTO2_FACTORY_CUSTOMER_KEY)
                : SafeIdProtocol.VENDOR_KEY.clone();
    }

    ApduChannel channel() {
        return channel;
    }

    /** Display time code: 00..03 = 15/30/60/120 s. */
    private static int displayCode(int seconds) {
        return switch (seconds) {
            case 15 -> 0;
            case 30 -> 1;
            case 60 -> 2;
            case 120 -> 3;
            default -> -1;
        };
    }

    @Override
    public void close() {
        if (key != null) {
            key.close();
        }
        channel.close();
    }
}
