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
import org.tokenbench.core.driver.AuthenticationTries;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/**
 * One SafeID-class token on a reader: a single-profile NFC token or a Molto2 multi-profile one. Programming is
 * authenticate → configure (sets the clock) → write seed, because some firmware forgets the seed when its clock is set.
 * A refused authentication is never retried: it burns a try, and the token locks when they run out. What the token
 * said about its tries is kept by {@link AuthenticationTries}, so the next run knows it too. Only Molto2 offers
 * {@link org.tokenbench.core.driver.ClockSetting}: its clock-only command leaves the seeds alone.
 *
 * <p>The session never closes its channel: the devices service owns it.
 */
class SafeIdSession implements TokenSession, TokenClock, SeedProgramming, AccessKey {

    /** safeid:0x6983: the token has no tries left; TokenBench does not send the key. */
    static final ErrorCode LOCKED = ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6983);

    private final ApduChannel channel;
    private final Interaction interaction;
    private final AuthenticationTries tries;
    private final SafeIdProtocol.Family family;
    private final FamilyDescriptor described;
    private final SafeIdProtocol.Info info;
    private Secret key;

    /** Reads serial and clock, nothing else. */
    SafeIdSession(SafeIdProtocol.Family family, FamilyDescriptor described, ApduChannel channel, Interaction interaction,
            AuthenticationTries tries) throws TokenException {
        this.family = family;
        this.described = described;
        this.channel = channel;
        this.interaction = interaction;
        this.tries = tries;
        this.info = SafeIdProtocol.parseInfo(channel.transmit(SafeIdProtocol.readInfo(family)));
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity(SafeIdDriver.ID, family.id, info.serial());
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
            Arrays.fill(copy, (byte) 0);
            copy = derived;
        }
        key = Secret.adopt(copy);
    }

    /** What the family's descriptor says it can hold. */
    @Override
    public Optional<String> unsupported(Settings settings) {
        return described.unsupported(settings);
    }

    @Override
    public void program(Secret seed, Settings settings, Instant clock, ProgressMonitor monitor) throws TokenException {
        Optional<String> problem = unsupported(settings);
        if (problem.isPresent()) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6A80), problem.get());
        }
        if (seed.length() < 1 || seed.length() > SafeIdProtocol.MAX_SEED_BYTES) {
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6700),
                    "this token holds seeds of 1 to " + SafeIdProtocol.MAX_SEED_BYTES + " bytes; this one has " + seed.length());
        }
        int display = displayCode(settings.displaySeconds());
        int hmac = hmacCode(settings.algorithm());
        monitor.begin("Programming token " + info.serial(), 3);
        checkProfileIsFree(settings.profile());
        byte[] keyBytes = keyBytes();
        try {
            // One PC/SC transaction from authentication to the seed: nothing else may reach the token in between.
            channel.exclusively(() -> {
                burn(keyBytes, seed, settings, display, hmac, clock, monitor);
                return null;
            });
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    private void burn(byte[] keyBytes, Secret seed, Settings settings, int display, int hmac, Instant clock, ProgressMonitor monitor)
            throws TokenException {
        authenticate(keyBytes);
        monitor.worked(1, "authenticated");
        boolean molto2 = family == SafeIdProtocol.Family.MOLTO2;
        SafeIdProtocol.check(channel.transmit(SafeIdProtocol.configure(keyBytes, molto2 ? 0x01 : 0x00, settings.profile(),
                display, clock, hmac, molto2 ? settings.digits() : 0,
                settings.periodSeconds())), "the settings and clock");
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

    /**
     * One authentication, never repeated. Before it, the tries this token reported earlier (in any run) decide: none left
     * is refused without sending anything, the last one only after a yes.
     */
    void authenticate(byte[] keyBytes) throws TokenException {
        String serial = info.serial();
        tries.beforeAttempt(SafeIdDriver.ID, serial, "the key of token " + serial, LOCKED, interaction);
        Response challenge = channel.transmit(SafeIdProtocol.challenge());
        SafeIdProtocol.check(challenge, "to give an authentication challenge");
        Response answer = channel.transmit(SafeIdProtocol.authenticate(keyBytes, challenge.data()));
        OptionalInt left = SafeIdProtocol.triesLeftAfterRefusal(answer.sw());
        if (answer.sw() == LOCKED.value()) {
            left = OptionalInt.of(0);
        }
        if (left.isPresent()) {
            tries.refused(SafeIdDriver.ID, serial, left.getAsInt());
            String count = left.getAsInt() == 0 ? "it is now locked" : left.getAsInt() + (left.getAsInt() == 1 ? " try" : " tries") + " left";
            interaction.inform("Token " + serial + " refused the key: " + count + ". TokenBench does not try again by itself.");
            throw new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, answer.sw()), "token " + serial + " refused the key; " + count);
        }
        SafeIdProtocol.check(answer, "the key");
        tries.succeeded(SafeIdDriver.ID, serial);
    }

    /**
     * The session's SM4 key: the one given, else the family's published default, said each time it is used (a token
     * still on a published key can be reprogrammed by anyone within NFC range). The caller wipes it.
     */
    byte[] keyBytes() {
        if (key != null) {
            return key.copyBytes();
        }
        interaction.inform("Token " + info.serial() + ": using the vendor's published default access key. Anyone with an NFC "
                + "reader and this key can reprogram the token; give your own key (a key file) if the vendor set one.");
        return family == SafeIdProtocol.Family.MOLTO2 ? SafeIdProtocol.molto2Key(SafeIdProtocol.MOLTO2_FACTORY_CUSTOMER_KEY)
                : SafeIdProtocol.VENDOR_KEY.clone();
    }

    ApduChannel channel() {
        return channel;
    }

    /** How the configure command encodes a display time: 00..03 = 15/30/60/120 s (which ones a family has: its descriptor). */
    private static int displayCode(int seconds) throws TokenException {
        return switch (seconds) {
            case 15 -> 0;
            case 30 -> 1;
            case 60 -> 2;
            case 120 -> 3;
            default -> throw encodingMissing("display time " + seconds + " s");
        };
    }

    /** How the configure command encodes the hash: 01 SHA-1, 02 SHA-256. */
    private static int hmacCode(HashAlgorithm algorithm) throws TokenException {
        return switch (algorithm) {
            case SHA1 -> 1;
            case SHA256 -> 2;
            default -> throw encodingMissing(algorithm.name());
        };
    }

    /** The descriptor offers a value the protocol has no encoding for: a descriptor mistake, refused before anything is sent. */
    private static TokenException encodingMissing(String what) {
        return new TokenException(ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6A80), "the SafeID protocol has no encoding for " + what);
    }

    /** Releases the key only; the channel belongs to the devices service. */
    @Override
    public void close() {
        if (key != null) {
            key.close();
            key = null;
        }
    }
}
