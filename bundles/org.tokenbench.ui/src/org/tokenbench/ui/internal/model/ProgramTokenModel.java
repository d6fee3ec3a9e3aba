package org.tokenbench.ui.internal.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;

/**
 * The Program Token task without its widgets: the key the user gave, the token Connect read, the display time chosen,
 * whether a burn runs, and the rules that follow (Burn only with a key that fits the connected family and no burn
 * running; Connect not while a burn holds the token). The view renders it and asks it; no SWT here.
 */
public final class ProgramTokenModel implements AutoCloseable {

    /**
     * What Connect read, all Burn needs to find the same token again: no session is kept. {@code takesAccessKey}: the
     * token authenticates the host with a key (SafeID's transport key), the vendor's published one unless a key file is
     * given.
     */
    public record Target(String deviceId, String name, String serial, ProgrammingChoices choices, boolean takesAccessKey) {
    }

    /** The parsed key's labels, as the form shows them. */
    public record KeySummary(String issuer, String account, String settings) {
    }

    private static final Pattern NOT_BLANK = Pattern.compile("\\S");
    private static final Pattern OTPAUTH = Pattern.compile("\\s*otpauth", Pattern.CASE_INSENSITIVE);

    private OtpAccount key;
    private Target target;
    private Integer displaySeconds;
    private boolean burning;
    private Path keyFile;

    /**
     * Takes what the user pasted or typed: an otpauth:// URI or a bare Base32 key. The previous key is closed either
     * way; on bad input there is no key and the failure is returned (its message never holds the key). The key is
     * decoded straight from {@code text} (give a {@code CharBuffer} over a char array you wipe): no String of it is made.
     */
    public Optional<OtpException> setKeyText(CharSequence text) {
        closeKey();
        // Matchers read the chars where they are: no String of the key.
        if (!NOT_BLANK.matcher(text).find()) {
            return Optional.empty();
        }
        try {
            key = OTPAUTH.matcher(text).lookingAt() ? OtpAuthUri.parse(text)
                    : new OtpAccount(OtpParams.totp("", ""), Base32.decode(text), List.of());
            return Optional.empty();
        } catch (OtpException e) {
            return Optional.of(e);
        }
    }

    public Optional<OtpAccount> key() {
        return Optional.ofNullable(key);
    }

    public Optional<KeySummary> keySummary() {
        if (key == null) {
            return Optional.empty();
        }
        OtpParams p = key.params();
        String settings = NLS.bind(Messages.program_keySettings, new Object[] {p.type(), p.algorithm(), p.digits(), p.periodSeconds()});
        return Optional.of(new KeySummary(p.issuer().isEmpty() ? Messages.program_none : p.issuer(),
                p.account().isEmpty() ? Messages.program_none : p.account(),
                settings + (key.warnings().isEmpty() ? "" : " — " + String.join("; ", key.warnings()))));
    }

    /** Connect read {@code connected}; the display time chosen before stays if the new family offers it. */
    public void setTarget(Target connected) {
        target = connected;
        if (displaySeconds != null && connected != null && !connected.choices().displaySeconds().contains(displaySeconds)) {
            displaySeconds = null;
        }
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** The display times the connected family offers; none before a connection. */
    public List<Integer> displayChoices() {
        return target == null ? List.of() : target.choices().displaySeconds();
    }

    public void chooseDisplaySeconds(int seconds) {
        if (!displayChoices().contains(seconds)) {
            throw new IllegalArgumentException(seconds + " s is not one of the token's display times " + displayChoices());
        }
        displaySeconds = seconds;
    }

    /** The chosen display time, else the family's default, else the preferred one. */
    public int displaySeconds() {
        return displaySeconds != null ? displaySeconds
                : target != null ? target.choices().defaultDisplaySeconds() : ProgrammingChoices.PREFERRED_DISPLAY_SECONDS;
    }

    /** Why the connected family cannot hold the key's settings, from its descriptor; empty when it can (or nothing to check). */
    public Optional<String> settingsProblem() {
        if (target == null || key == null) {
            return Optional.empty();
        }
        try {
            return target.choices().unsupported(TokenProgrammer.settings(key.params(), displaySeconds(), 0));
        } catch (TokenException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The "Settings check" line: empty until there is a key and a token. */
    public String settingsCheck() {
        if (target == null || key == null) {
            return "";
        }
        return settingsProblem().map(reason -> NLS.bind(Messages.program_cannotBurn, reason))
                .orElse(NLS.bind(Messages.program_keyFits, target.choices().family().name()));
    }

    /** The token's access key file (hex, as the CLI's {@code --key-file}); null goes back to the published default. */
    public void setKeyFile(Path file) {
        keyFile = file;
    }

    public Optional<Path> keyFile() {
        return Optional.ofNullable(keyFile);
    }

    /** The connected token would be opened with its vendor's published default key: anyone can reprogram it. */
    public boolean usesPublishedKey() {
        return target != null && target.takesAccessKey() && keyFile == null;
    }

    public boolean canBurn() {
        return !burning && key != null && target != null && settingsProblem().isEmpty();
    }

    /** Connect reads the token; not while a burn holds it. */
    public boolean canConnect() {
        return !burning;
    }

    public boolean burning() {
        return burning;
    }

    /** A burn starts: the caller gets its own copy of the key (editing the field meanwhile closes only the model's). */
    public OtpAccount startBurn() {
        if (!canBurn()) {
            throw new IllegalStateException("nothing to burn, or a burn is running");
        }
        burning = true;
        return key.secret().apply(bytes -> new OtpAccount(key.params(), org.tokenbench.core.Secret.copyOf(bytes, 0, bytes.length),
                key.warnings()));
    }

    public void burnEnded() {
        burning = false;
    }

    private void closeKey() {
        if (key != null) {
            key.close();
            key = null;
        }
    }

    @Override
    public void close() {
        closeKey();
    }
}
