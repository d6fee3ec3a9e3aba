package org.tokenbench.driver.oath.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.Texts;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/**
 * One YKOATH applet, selected. A password-protected applet is unlocked once per session, when an operation first
 * needs it, with the password given through {@link AccessKey} or asked from the {@link Interaction}: VALIDATE answers
 * the applet's challenge and sends ours, and an applet whose answer to ours does not verify is refused (it does not know
 * the access key, so it is not the device the user set the password on). A refused password is reported, never retried.
 *
 * <p>The session never closes its channel: the devices service owns it.
 */
final class OathSession implements TokenSession, CredentialStore, AccessKey, DeviceDetails {

    /** The session's words for users, in the JVM's language (messages{,_zh}.properties beside this class). */
    public static final Texts TEXTS = Texts.beside(OathSession.class, "messages");

    private final ApduChannel channel;
    private final Interaction interaction;
    private final String family;
    private final SecureRandom random = new SecureRandom();
    private OathProtocol.Selected selected;
    private boolean locked;
    private boolean passwordSet;
    private Secret password;

    OathSession(ApduChannel channel, String family, Interaction interaction) throws TokenException {
        this.channel = channel;
        this.family = family;
        this.interaction = interaction;
        select();
    }

    private void select() throws TokenException {
        selected = OathProtocol.parseSelect(channel.transmit(OathProtocol.select()));
        locked = selected.challenge().isPresent();
        passwordSet = locked;
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity(OathDriver.ID, family, selected.deviceId());
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public Map<String, String> details() {
        return details(false);
    }

    @Override
    public Map<String, String> displayed() {
        return details(true);
    }

    /** The ids stay the machine-readable keys; a person reads their labels and words (messages: detail.*). */
    private Map<String, String> details(boolean forPeople) {
        Map<String, String> details = new LinkedHashMap<>();
        BiConsumer<String, String> put = (id, value) -> details.put(forPeople ? TEXTS.get("detail." + id.replace(' ', '-')) : id, value);
        put.accept("firmware", selected.versionText());
        put.accept("device id", selected.deviceId());
        String password = passwordSet ? "set" : "none";
        put.accept("password", forPeople ? TEXTS.get("detail.password." + password) : password);
        return details;
    }

    /** The OATH password (not the derived key): the salt is the applet's, so the session derives the key itself. */
    @Override
    public void use(Secret newPassword) {
        if (password != null) {
            password.close();
        }
        password = Secret.adopt(newPassword.copyBytes());
    }

    @Override
    public boolean passwordProtected() {
        return passwordSet;
    }

    private Response send(Apdu command) throws TokenException {
        return channel.transmit(command, OathProtocol.INS_SEND_REMAINING);
    }

    private Response sendChecked(Apdu command, String what) throws TokenException {
        Response response = send(command);
        OathProtocol.require(response, what);
        return response;
    }

    /** VALIDATE with mutual challenge, once per session; without a password nothing is sent. */
    private void unlock() throws TokenException {
        if (!locked) {
            return;
        }
        if (password == null) {
            password = interaction.askSecret("OATH password of " + selected.deviceId(), -1)
                    .orElseThrow(() -> new TokenException(OathProtocol.NO_PASSWORD,
                            "the OATH applet " + selected.deviceId() + " is protected by a password and none was given"));
        }
        byte[] key = password.apply(bytes -> OathProtocol.accessKey(bytes, selected.salt()));
        byte[] ours = new byte[8];
        random.nextBytes(ours);
        byte[] answer = OathProtocol.hmacSha1(key, selected.challenge().orElseThrow());
        byte[] expected = OathProtocol.hmacSha1(key, ours);
        Arrays.fill(key, (byte) 0);
        try {
            Response response = send(OathProtocol.validate(answer, ours));
            if (response.sw() == OathProtocol.SW_WRONG_RESPONSE) {
                // The password is wrong: forget it so a later attempt asks again, and never retry it ourselves.
                password.close();
                password = null;
                throw new TokenException(ErrorCode.of(OathProtocol.NAMESPACE, OathProtocol.SW_WRONG_RESPONSE),
                        "the OATH applet " + selected.deviceId() + " refused the password");
            }
            OathProtocol.require(response, "VALIDATE");
            byte[] theirs = OathProtocol.find(OathProtocol.parse(response.data()), OathProtocol.TAG_RESPONSE)
                    .orElseThrow(() -> OathProtocol.malformed("VALIDATE answered no response to our challenge"));
            if (!MessageDigest.isEqual(theirs, expected)) {
                throw new TokenException(OathProtocol.NOT_AUTHENTIC, "the OATH applet " + selected.deviceId()
                        + " accepted the password but could not prove it knows it: it is not the device the password was set on");
            }
            locked = false;
        } finally {
            Arrays.fill(answer, (byte) 0);
            Arrays.fill(expected, (byte) 0);
        }
    }

    @Override
    public List<Credential> list() throws TokenException {
        return inventory(Instant.now()).stream().map(Code::credential).toList();
    }

    @Override
    public List<Code> calculateAll(Instant time) throws TokenException {
        List<Code> codes = new ArrayList<>();
        for (Code code : inventory(time)) {
            Credential credential = code.credential();
            // CALCULATE ALL answers for 30 s steps: other periods are asked one by one, as ykman does.
            if (code.code().isPresent() && credential.periodSeconds() != OathProtocol.DEFAULT_PERIOD) {
                codes.add(calculate(credential, time));
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * LIST (algorithm, type) joined with CALCULATE ALL (digits, touch, 30 s codes): the applet tells neither alone.
     */
    private List<Code> inventory(Instant time) throws TokenException {
        unlock();
        Map<String, Credential> listed = new LinkedHashMap<>();
        for (Credential credential : OathProtocol.parseList(sendChecked(OathProtocol.list(), "LIST"))) {
            listed.put(credential.name(), credential);
        }
        Response all = sendChecked(OathProtocol.calculateAll(OathProtocol.timeChallenge(time.getEpochSecond(), OathProtocol.DEFAULT_PERIOD)),
                "CALCULATE ALL");
        List<OathProtocol.Tlv> tlvs = OathProtocol.parse(all.data());
        List<Code> codes = new ArrayList<>();
        for (int i = 0; i + 1 < tlvs.size(); i += 2) {
            OathProtocol.Tlv nameTlv = tlvs.get(i);
            OathProtocol.Tlv answer = tlvs.get(i + 1);
            if (nameTlv.tag() != OathProtocol.TAG_NAME || answer.value().length < 1) {
                throw OathProtocol.malformed("CALCULATE ALL answered tag " + Integer.toHexString(nameTlv.tag()));
            }
            String name = new String(nameTlv.value(), java.nio.charset.StandardCharsets.UTF_8);
            Credential base = listed.get(name);
            Type type = answer.tag() == OathProtocol.TAG_HOTP ? Type.HOTP : Type.TOTP;
            boolean touch = answer.tag() == OathProtocol.TAG_TOUCH;
            Credential credential = new Credential(name, type,
                    base == null ? org.tokenbench.core.driver.HashAlgorithm.SHA1 : base.algorithm(), answer.value()[0] & 0xFF,
                    OathProtocol.period(name, type), touch);
            if (answer.tag() == OathProtocol.TAG_TRUNCATED) {
                codes.add(validity(credential, Optional.of(OathProtocol.code(answer.value())), Optional.empty(), time));
            } else {
                String why = touch ? "touch the key" : "HOTP: computed on request (it advances the counter)";
                codes.add(validity(credential, Optional.empty(), Optional.of(why), time));
            }
        }
        return codes;
    }

    private static Code validity(Credential credential, Optional<String> code, Optional<String> whyNot, Instant time) {
        if (credential.type() == Type.HOTP) {
            return new Code(credential, code, whyNot, time, Instant.MAX);
        }
        long step = Math.floorDiv(time.getEpochSecond(), credential.periodSeconds());
        return new Code(credential, code, whyNot, Instant.ofEpochSecond(step * credential.periodSeconds()),
                Instant.ofEpochSecond((step + 1) * credential.periodSeconds()));
    }

    @Override
    public Code calculate(String name, Instant time) throws TokenException {
        Credential credential = inventory(time).stream().map(Code::credential).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(name));
        return calculate(credential, time);
    }

    private Code calculate(Credential credential, Instant time) throws TokenException {
        byte[] challenge = credential.type() == Type.HOTP ? new byte[0]
                : OathProtocol.timeChallenge(time.getEpochSecond(), credential.periodSeconds());
        if (credential.requiresTouch()) {
            interaction.inform("Touch the key to compute the code of " + credential.name());
        }
        Response response = send(OathProtocol.calculate(credential.name(), challenge));
        if (response.sw() == OathProtocol.SW_WRONG_RESPONSE) {
            throw notFound(credential.name());
        }
        OathProtocol.require(response, "CALCULATE of " + credential.name());
        byte[] truncated = OathProtocol.find(OathProtocol.parse(response.data()), OathProtocol.TAG_TRUNCATED)
                .orElseThrow(() -> OathProtocol.malformed("CALCULATE answered no truncated code"));
        return validity(credential, Optional.of(OathProtocol.code(truncated)), Optional.empty(), time);
    }

    @Override
    public void put(Credential credential, Secret key, long counter, Interaction confirmation) throws TokenException {
        if (credential.digits() < 6 || credential.digits() > 8) {
            throw new TokenException(ErrorCode.of(OathProtocol.NAMESPACE, 0x6A80),
                    "YKOATH applets compute 6 to 8 digits, not " + credential.digits());
        }
        Credential stored = withStoredName(credential);
        OathProtocol.name(stored.name());
        OathProtocol.algorithmCode(stored.algorithm());
        OathProtocol.checkCounter(stored, counter); // before any APDU: nothing is unlocked or listed for a put that cannot be
        unlock();
        boolean exists = OathProtocol.parseList(sendChecked(OathProtocol.list(), "LIST")).stream()
                .anyMatch(c -> c.name().equals(stored.name()));
        if (exists && !confirmation.confirm("The key already holds '" + stored.name() + "'. Overwrite it? Its old key is lost.")) {
            throw new TokenException(OathProtocol.KEPT, "'" + stored.name() + "' exists on the key and was kept (overwriting was not confirmed)");
        }
        byte[] raw = key.copyBytes();
        Apdu put;
        try {
            put = OathProtocol.put(stored, raw, counter, false);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        sendChecked(put, "PUT of " + stored.name());
    }

    /** The period goes into the name when it is not 30 s ({@code 60/issuer:account}), as every YKOATH client reads it. */
    static Credential withStoredName(Credential credential) {
        String name = credential.name();
        if (credential.type() == Type.TOTP && credential.periodSeconds() != OathProtocol.DEFAULT_PERIOD
                && !name.startsWith(credential.periodSeconds() + "/")) {
            name = OathProtocol.storedName(name, credential.type(), credential.periodSeconds());
        }
        return new Credential(name, credential.type(), credential.algorithm(), credential.digits(), credential.periodSeconds(),
                credential.requiresTouch());
    }

    @Override
    public void delete(String name) throws TokenException {
        unlock();
        Response response = send(OathProtocol.delete(name));
        if (response.sw() == OathProtocol.SW_WRONG_RESPONSE) {
            throw notFound(name);
        }
        OathProtocol.require(response, "DELETE of " + name);
    }

    @Override
    public void rename(String name, String newName) throws TokenException {
        if (!selected.atLeast(5, 3, 1)) {
            throw new TokenException(OathProtocol.RENAME_UNSUPPORTED,
                    "renaming needs OATH firmware 5.3.1 or newer; this key has " + selected.versionText());
        }
        unlock();
        Response response = send(OathProtocol.rename(name, newName));
        if (response.sw() == OathProtocol.SW_WRONG_RESPONSE) {
            throw notFound(name);
        }
        OathProtocol.require(response, "RENAME of " + name);
    }

    @Override
    public void setPassword(Optional<Secret> newPassword) throws TokenException {
        unlock();
        if (newPassword.isEmpty()) {
            sendChecked(OathProtocol.clearCode(), "SET CODE (remove the password)");
            passwordSet = false;
            return;
        }
        byte[] key = newPassword.get().apply(bytes -> OathProtocol.accessKey(bytes, selected.salt()));
        byte[] challenge = new byte[8];
        random.nextBytes(challenge);
        try {
            sendChecked(OathProtocol.setCode(key, challenge), "SET CODE");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        passwordSet = true;
        use(newPassword.get());
    }

    @Override
    public boolean reset(Interaction confirmation) throws TokenException {
        if (!confirmation.confirm("Erase every OATH credential and the password of the key " + selected.deviceId()
                + "? Codes from it stop working everywhere they are used. This cannot be undone.")) {
            return false;
        }
        sendChecked(OathProtocol.reset(), "RESET");
        if (password != null) {
            password.close();
            password = null;
        }
        select();
        return true;
    }

    private TokenException notFound(String name) {
        return new TokenException(ErrorCode.of(OathProtocol.NAMESPACE, OathProtocol.SW_WRONG_RESPONSE),
                "the key holds no credential named '" + name + "'");
    }

    @Override
    public void close() {
        if (password != null) {
            password.close();
            password = null;
        }
    }
}
