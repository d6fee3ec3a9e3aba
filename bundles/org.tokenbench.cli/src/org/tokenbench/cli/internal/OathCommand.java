package org.tokenbench.cli.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench oath list|add|code|delete|rename|password|reset --reader R}: the OATH credentials of a device, in
 * the shape of {@code ykman oath accounts …}. Only the core API is used (the devices service and the session's
 * {@link CredentialStore}), so any driver offering that feature works here unchanged.
 */
@Command(name = "oath", description = "List, add, compute, delete and rename the OATH credentials of a device (YubiKey OATH and "
        + "compatible applets), set or clear its password, or reset it.",
        subcommands = { OathCommand.ListCredentials.class, OathCommand.Add.class, OathCommand.Code.class, OathCommand.Delete.class,
            OathCommand.Rename.class, OathCommand.Password.class, OathCommand.Reset.class })
final class OathCommand {

    /** tokenbench:0x0004: the device offers no credential store. */
    private static final ErrorCode NO_CREDENTIALS = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0004);
    /** The YKOATH applet refused the password (VALIDATE answered 69 84). */
    private static final ErrorCode WRONG_PASSWORD = ErrorCode.of("ykoath", 0x6984);
    /** Digits every YKOATH applet computes; more is a usage error before anything is sent. */
    private static final int MAX_DIGITS = 8;

    /** The device, and the password when the store has one. */
    static final class StoreOptions {
        @Mixin
        TokenCommand.DeviceOptions device;

        @Option(names = "--password-file", paramLabel = "FILE", description = "The device's OATH password (- reads standard input); "
                + "without it a remembered one is used, else it is asked for.")
        InputFile passwordFile;

        @Option(names = "--remember", description = "Remember the password for this device in the user's state, encrypted "
                + "(tokenbench oath password --forget removes it).")
        boolean remember;

        /**
         * What most OATH commands do: open the store, act on it and print the lines the action returns, one per line
         * (exit 0); the device is closed again whatever happens.
         */
        int printAfter(CommandContext context, StoreAction action) throws TokenException {
            try (Opened opened = open(context)) {
                for (Object line : action.run(opened)) {
                    context.out().println(line);
                }
                return ExitCode.OK;
            }
        }

        /** Opens the device, hands its store the password (file, remembered, or asked once) when it has one. */
        Opened open(CommandContext context) throws TokenException {
            DeviceSession session = device.open(context);
            try {
                CredentialStore store = credentialStore(session);
                if (store.passwordProtected()) {
                    unlockWith(context, session);
                }
                return new Opened(session, store);
            } catch (TokenException | RuntimeException e) {
                session.close();
                throw e;
            }
        }

        private void unlockWith(CommandContext context, DeviceSession session) throws TokenException {
            String deviceId = session.identity().serial();
            RememberedPasswords remembered = RememberedPasswords.inHome();
            Optional<Secret> password;
            boolean recalled = false;
            if (passwordFile != null) {
                char[] line = passwordFile.readExactLine(context, "password");
                password = Optional.of(Secret.fromChars(line));
            } else {
                password = remembered.recall(deviceId);
                recalled = password.isPresent();
                if (password.isEmpty()) {
                    password = context.interaction().askSecret("OATH password of " + deviceId, -1);
                }
            }
            if (password.isEmpty()) {
                return; // the session reports that a password is needed when the operation asks for it
            }
            try (Secret given = password.get()) {
                Optional<AccessKey> access = session.feature(AccessKey.class);
                if (access.isPresent()) {
                    access.get().use(given);
                }
                if (!remember && !recalled) {
                    return; // checked by the operation itself; nothing to keep or forget
                }
                // The device decides now (one LIST), before anything is remembered or a stale one kept.
                try {
                    credentialStore(session).list();
                } catch (TokenException refused) {
                    if (!refused.code().equals(WRONG_PASSWORD) || !recalled) {
                        throw refused;
                    }
                    remembered.forget(deviceId);
                    context.err().println("the password remembered for " + deviceId + " was refused (changed elsewhere?) and is "
                            + "forgotten; give the current one");
                    return; // the session asks for it when the operation needs it, once
                }
                if (remember) {
                    remembered.remember(deviceId, given);
                }
            }
        }
    }

    private static CredentialStore credentialStore(DeviceSession session) throws TokenException {
        return session.feature(CredentialStore.class).orElseThrow(() -> new TokenException(NO_CREDENTIALS,
                "the " + session.family().name() + " on '" + session.device().slot().name() + "' holds no OATH credentials"));
    }


    /** A command's work on the opened store; returns what to print, a line each. */
    @FunctionalInterface
    interface StoreAction {
        List<?> run(Opened opened) throws TokenException;
    }

    record Opened(DeviceSession session, CredentialStore store) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
        }
    }

    private static Json json(CredentialStore.Credential credential) {
        return new Json().field("name", credential.name()).field("type", credential.type().name())
                .field("algorithm", credential.algorithm().name()).field("digits", credential.digits())
                .field("periodSeconds", credential.periodSeconds()).field("touch", credential.requiresTouch());
    }

    @Command(name = "list", description = "Print the names of the device's credentials, one per line.")
    static final class ListCredentials implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private StoreOptions options;
        @Option(names = "--json", description = "One object per line: {name, type, algorithm, digits, periodSeconds, touch}.")
        private boolean json;

        ListCredentials(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            return options.printAfter(context, opened -> opened.store().list().stream()
                    .map(credential -> json ? json(credential) : credential.name()).toList());
        }
    }

    @Command(name = "add", description = "Add a credential from an otpauth:// URI (--uri-file) or a key (--secret-file, with "
            + "--algorithm/--digits/--period/--counter); an existing name is overwritten only after a \"yes\" (or --force).")
    static final class Add implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private StoreOptions options;
        @Mixin
        private CredentialOptions credential;
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The name on the device, issuer:account "
                + "(default with --uri-file: the URI's issuer and account).")
        private String name;
        @Option(names = "--touch", description = "The device computes a code only after a touch.")
        private boolean touch;
        @Option(names = "--force", description = "Overwrite a credential of the same name without asking.")
        private boolean force;

        Add(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            try (OtpAccount account = credential.read(context)) {
                if (account.params().digits() > MAX_DIGITS) {
                    throw new UsageException("OATH applets compute 6 to " + MAX_DIGITS + " digits, not " + account.params().digits());
                }
                HashAlgorithm algorithm = HashAlgorithm.parse(account.params().algorithm().name()).orElseThrow();
                if (algorithm == HashAlgorithm.SM3) {
                    throw new UsageException("OATH applets compute SHA1, SHA256 or SHA512 codes, not SM3");
                }
                String stored = name != null ? name : uriName(account);
                CredentialStore.Credential wanted = new CredentialStore.Credential(stored,
                        account.params().type() == OtpType.HOTP ? CredentialStore.Type.HOTP : CredentialStore.Type.TOTP, algorithm,
                        account.params().digits(), account.params().periodSeconds(), touch);
                account.warnings().forEach(w -> context.err().println("warning: " + w));
                return options.printAfter(context, opened -> {
                    opened.store().put(wanted, account.secret(), account.params().counter(), force ? AGREED : context.interaction());
                    return List.of(opened.store().list().stream().map(CredentialStore.Credential::name)
                            .filter(n -> n.equals(stored) || n.endsWith("/" + stored)).findFirst().orElse(stored));
                });
            }
        }

        private String uriName(OtpAccount account) throws UsageException {
            String issuer = account.params().issuer();
            String user = account.params().account();
            if (issuer.isEmpty() && user.isEmpty()) {
                throw new UsageException("a key from --secret-file needs a NAME (issuer:account)");
            }
            return issuer.isEmpty() ? user : user.isEmpty() ? issuer : issuer + ":" + user;
        }
    }

    @Command(name = "code", description = "Print \"name code\" for every credential (or those whose name contains QUERY). Touch "
            + "and HOTP credentials are computed only when QUERY picks exactly one; a touch credential asks for the touch.")
    static final class Code implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private StoreOptions options;
        @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Part of a credential's name (case-insensitive).")
        private String query;
        @Option(names = "--json", description = "One object per line: the credential, code (or null and why), validFrom, validUntil.")
        private boolean json;

        Code(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            try (Opened opened = options.open(context)) {
                Instant now = Instant.now();
                List<CredentialStore.Code> codes = new ArrayList<>();
                for (CredentialStore.Code code : opened.store().calculateAll(now)) {
                    if (query == null || code.credential().name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))) {
                        codes.add(code);
                    }
                }
                if (query != null && codes.size() == 1 && codes.get(0).code().isEmpty()) {
                    codes.set(0, opened.store().calculate(codes.get(0).credential().name(), now));
                }
                if (query != null && codes.isEmpty()) {
                    context.err().println("no credential's name contains '" + query + "'");
                    return ExitCode.NEGATIVE;
                }
                int width = codes.stream().mapToInt(c -> c.credential().name().length()).max().orElse(0);
                for (CredentialStore.Code code : codes) {
                    if (json) {
                        context.out().println(new Json().field("credential", json(code.credential())).field("code", code.code().orElse(null))
                                .field("whyNot", code.whyNot().orElse(null)).field("validFrom", code.validFrom().toString())
                                .field("validUntil", code.validUntil().equals(Instant.MAX) ? null : code.validUntil().toString()));
                    } else {
                        String value = code.code().orElse("[" + code.whyNot().orElse("no code") + "]");
                        context.out().println(String.format("%-" + width + "s  %s", code.credential().name(), value));
                    }
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "delete", description = "Delete a credential (after a \"yes\", or --force).")
    static final class Delete implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private StoreOptions options;
        @Parameters(paramLabel = "NAME", description = "The credential's exact name, as oath list prints it.")
        private String name;
        @Option(names = "--force", description = "Delete without asking.")
        private boolean force;

        Delete(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            try (Opened opened = options.open(context)) {
                if (!force && !context.interaction().confirm("Delete '" + name + "' from the device? Codes from it stop working.")) {
                    context.err().println("nothing deleted");
                    return ExitCode.NEGATIVE;
                }
                opened.store().delete(name);
                context.out().println(name);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "rename", description = "Rename a credential (YubiKey firmware 5.3 or newer).")
    static final class Rename implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private StoreOptions options;
        @Parameters(index = "0", paramLabel = "NAME", description = "The credential's exact name.")
        private String name;
        @Parameters(index = "1", paramLabel = "NEW_NAME", description = "Its new name (keep a period prefix such as 60/ if it has one).")
        private String newName;

        Rename(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            return options.printAfter(context, opened -> {
                opened.store().rename(name, newName);
                return List.of(newName);
            });
        }
    }

    @Command(name = "password", description = "Set the device's OATH password (--new-password-file), remove it (--clear), or "
            + "forget the one remembered for it (--forget).")
    static final class Password implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private StoreOptions options;
        @Option(names = "--new-password-file", paramLabel = "FILE", description = "The new password (- reads standard input).")
        private InputFile newPasswordFile;
        @Option(names = "--clear", description = "Remove the password.")
        private boolean clear;
        @Option(names = "--forget", description = "Only forget the password remembered for this device; the device is not changed.")
        private boolean forget;

        Password(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            if ((newPasswordFile != null ? 1 : 0) + (clear ? 1 : 0) + (forget ? 1 : 0) != 1) {
                throw new UsageException("give exactly one of --new-password-file F, --clear or --forget");
            }
            if (forget) {
                try (DeviceSession session = options.device.open(context)) {
                    boolean was = RememberedPasswords.inHome().forget(session.identity().serial());
                    context.err().println(was ? "forgotten" : "no password was remembered for this device");
                    context.out().println(session.identity().serial());
                    return ExitCode.OK;
                }
            }
            Secret newPassword = null;
            if (newPasswordFile != null) {
                char[] line = newPasswordFile.readExactLine(context, "password");
                if (line.length == 0) {
                    throw new UsageException("the new password file is empty; use --clear to remove the password");
                }
                newPassword = Secret.fromChars(line);
            }
            try (Opened opened = options.open(context); Secret closing = newPassword) {
                opened.store().setPassword(Optional.ofNullable(newPassword));
                String deviceId = opened.session().identity().serial();
                RememberedPasswords remembered = RememberedPasswords.inHome();
                if (newPassword != null && options.remember) {
                    remembered.remember(deviceId, newPassword);
                } else {
                    remembered.forget(deviceId); // an old remembered password would no longer open it
                }
                context.err().println(newPassword == null ? "password removed" : "password set");
                context.out().println(deviceId);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "reset", description = "Erase every OATH credential and the password of the device, after a \"yes\" (or --force).")
    static final class Reset implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private TokenCommand.DeviceOptions device;
        @Option(names = "--force", description = "Reset without asking.")
        private boolean force;

        Reset(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            try (DeviceSession session = device.open(context)) {
                CredentialStore store = credentialStore(session);
                String before = session.identity().serial();
                if (!store.reset(force ? AGREED : context.interaction())) {
                    context.err().println("nothing was erased");
                    return ExitCode.NEGATIVE;
                }
                RememberedPasswords.inHome().forget(before);
                context.out().println(session.identity().serial());
                return ExitCode.OK;
            }
        }
    }

    /** The user agreed on the command line (--force): every question is answered yes, nothing else is asked. */
    private static final Interaction AGREED = new Interaction() {
        @Override
        public Optional<Secret> askSecret(String prompt, int triesLeft) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String question) {
            return true;
        }

        @Override
        public Optional<String> askText(String prompt) {
            return Optional.empty();
        }

        @Override
        public void inform(String message) {
        }
    };

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new OathCommand();
        }
    }
}
