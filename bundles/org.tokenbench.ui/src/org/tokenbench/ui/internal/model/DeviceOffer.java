package org.tokenbench.ui.internal.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Certificates;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;

/**
 * What one device's session offers a device editor: its pages, in order, and what its overview shows. Read once with
 * the session open (briefly: the editor holds no device while idle); pages follow the session's features, so a
 * vendor's driver that offers them gets the pages without UI code.
 *
 * @param details      what {@link DeviceDetails} reported (empty when the driver does not offer it)
 * @param detailsError why the details could not be read, for the overview (reading them costs nothing, but may fail)
 */
public record DeviceOffer(String deviceId, String slotName, DriverInfo driver, FamilyDescriptor family, DeviceIdentity identity,
        Optional<Duration> clockSkew, Map<String, String> details, Optional<String> detailsError, Set<Page> pages) {

    /** The editor's built-in pages, in the order they are shown. */
    public enum Page {
        OVERVIEW, SEED, CREDENTIALS, PIN, CERTIFICATES, CHECKLIST, HISTORY
    }

    public DeviceOffer {
        Objects.requireNonNull(deviceId, "deviceId");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        pages = pages.isEmpty() ? EnumSet.noneOf(Page.class) : EnumSet.copyOf(pages);
    }

    /** The pages {@code session}'s features call for; History only when an audit log is installed. */
    public static Set<Page> pages(TokenSession session, boolean auditLogInstalled) {
        Set<Page> pages = EnumSet.of(Page.OVERVIEW);
        if (session.feature(SeedProgramming.class).isPresent() || session.feature(TokenClock.class).isPresent()) {
            pages.add(Page.SEED);
        }
        if (session.feature(CredentialStore.class).isPresent()) {
            pages.add(Page.CREDENTIALS);
        }
        // a device session offers its driver's PinVerifier only as a PinGuard; a driver's own session offers the verifier
        if (session.feature(PinGuard.class).isPresent() || session.feature(PinVerifier.class).isPresent()) {
            pages.add(Page.PIN);
        }
        if (session.feature(Certificates.class).isPresent()) {
            pages.add(Page.CERTIFICATES);
        }
        if (session.feature(Checklist.class).isPresent()) {
            pages.add(Page.CHECKLIST);
        }
        if (auditLogInstalled) {
            pages.add(Page.HISTORY);
        }
        return pages;
    }

    /** Reads what {@code session} offers; the details' failure is kept for the overview rather than failing the editor. */
    public static DeviceOffer read(String deviceId, String slotName, DriverInfo driver, FamilyDescriptor family, TokenSession session,
            Optional<Duration> clockSkew, boolean auditLogInstalled) {
        Map<String, String> details = Map.of();
        Optional<String> detailsError = Optional.empty();
        Optional<DeviceDetails> offered = session.feature(DeviceDetails.class);
        if (offered.isPresent()) {
            try {
                details = offered.get().displayed();
            } catch (TokenException e) {
                detailsError = Optional.of(e.getMessage() + " [" + e.code() + "]");
            }
        }
        return new DeviceOffer(deviceId, slotName, driver, family, session.identity(), clockSkew, details, detailsError,
                pages(session, auditLogInstalled));
    }

    /** The overview's rows: identity, driver, the family's settings as its descriptor declares them, the details. */
    public List<Map.Entry<String, String>> overviewRows() {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry(Messages.overview_device, slotName));
        rows.add(Map.entry(Messages.overview_family, family.name()));
        rows.add(Map.entry(Messages.overview_serial, identity.serial()));
        rows.add(Map.entry(Messages.overview_driver, driver.displayName()));
        rows.add(Map.entry(Messages.overview_driverBundle, driver.id() + " " + driver.version()));
        rows.add(Map.entry(Messages.overview_vendor, driver.vendor()));
        clockSkew.ifPresent(skew -> rows.add(Map.entry(Messages.overview_clock, signedSeconds(skew))));
        otpSettings().ifPresent(settings -> rows.add(Map.entry(Messages.overview_otpSettings, settings)));
        if (!family.pinTypes().isEmpty()) {
            rows.add(Map.entry(Messages.overview_pins, family.pinTypes().stream().sorted().map(DeviceOffer::pinName)
                    .collect(Collectors.joining(Messages.overview_listSeparator))));
        }
        details.forEach((key, value) -> rows.add(Map.entry(key, value)));
        detailsError.ifPresent(error -> rows.add(Map.entry(Messages.overview_detailsError, error)));
        rows.add(Map.entry(Messages.overview_id, deviceId));
        return rows;
    }

    /** What a seed on this family may use, as its descriptor declares: "SHA1/SHA256, 6/8 digits, 30/60 s"; empty without seeds. */
    public Optional<String> otpSettings() {
        if (family.algorithms().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(family.algorithms().stream().map(Enum::name).sorted().collect(Collectors.joining("/"))
                + ", " + join(family.digits()) + " " + Messages.overview_digits + ", " + NLS.bind(Messages.overview_seconds, join(family.periods()))
                + (family.profiles() > 1 ? ", " + family.profiles() + " " + Messages.overview_profiles : ""));
    }

    /** "User PIN", "用户PIN码": a PIN type as the user reads it. */
    public static String pinName(PinType type) {
        return type == PinType.USER ? Messages.overview_pinUser : Messages.overview_pinAdmin;
    }

    /** "+2 s", "-40 s": device clock minus PC clock. */
    public static String signedSeconds(Duration skew) {
        return NLS.bind(Messages.overview_seconds, (skew.isNegative() ? "" : "+") + skew.toSeconds());
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining("/"));
    }
}
