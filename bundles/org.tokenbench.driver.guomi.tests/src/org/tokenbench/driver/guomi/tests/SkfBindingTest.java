package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.driver.guomi.DeviceInfo;
import org.tokenbench.driver.guomi.LogonRehearsal;
import org.tokenbench.driver.guomi.PinSafety;
import org.tokenbench.driver.guomi.PinType;
import org.tokenbench.driver.guomi.SkfApplication;
import org.tokenbench.driver.guomi.SkfConnection;
import org.tokenbench.driver.guomi.SkfContainer;
import org.tokenbench.driver.guomi.SkfDevice;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.driver.guomi.Sm2Certificate;
import org.tokenbench.driver.guomi.internal.DevInfoStruct;
import org.tokenbench.driver.guomi.internal.EccPublicKeyBlob;
import org.tokenbench.driver.guomi.internal.EccSignatureBlob;
import org.tokenbench.driver.guomi.internal.Sm2;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/** The JNA binding itself: struct layouts, two vendors side by side, the logon signature checked in Java. */
class SkfBindingTest {

    @TempDir
    Path dir;

    @Test
    void structsArePackedAsGmt0016Declares() {
        assertEquals(DevInfoStruct.SIZE, new DevInfoStruct().size());
        assertEquals(EccPublicKeyBlob.SIZE, new EccPublicKeyBlob().size());
        assertEquals(EccSignatureBlob.SIZE, new EccSignatureBlob().size());
    }

    @Test
    void twoVendorLibrariesLoadSideBySideWithTheirOwnKeys() throws Exception {
        SoftSkf a = SoftKeys.fresh(dir.resolve("a"), Map.of("serial", "VENDOR-A-0001", "label", "Key A"));
        SoftSkf b = SoftSkf.create(SoftSkf.copyAsVendor(dir.resolve("lib"), "libvendorb.so"), dir.resolve("b"),
                Map.of("serial", "VENDOR-B-0002", "label", "Key B"));
        SkfLibrary libraryA = SkfLibrary.load(a.libraryPath());
        SkfLibrary libraryB = SkfLibrary.load(b.libraryPath());
        assertNotEquals(libraryA.path(), libraryB.path());
        try (SkfDevice keyA = libraryA.connect(libraryA.devices().get(0)); SkfDevice keyB = libraryB.connect(libraryB.devices().get(0))) {
            DeviceInfo infoA = keyA.info();
            DeviceInfo infoB = keyB.info();
            assertEquals("VENDOR-A-0001", infoA.serialNumber());
            assertEquals("Key A", infoA.label());
            assertEquals("VENDOR-B-0002", infoB.serialNumber());
            assertEquals("TokenBench SoftSKF", infoA.manufacturer());
            assertTrue(infoA.supportsSm2() && infoA.supportsSm3());
        }
    }

    @Test
    void theLogonSignatureVerifiesIndependentlyAndOnlyForItsChallenge() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        SkfLibrary library = SkfLibrary.load(key.libraryPath());
        try (SkfDevice device = library.connect(library.devices().get(0));
             SkfApplication app = device.openApplication(device.applications().get(0));
             SkfContainer container = app.openContainer(app.containers().get(0))) {
            assertEquals(SkfContainer.TYPE_ECC, container.type());
            Sm2Certificate certificate = Sm2Certificate.parse(container.certificate(true).orElseThrow());
            assertEquals("SM3withSM2", certificate.signatureAlgorithm());
            assertTrue(container.certificate(false).isEmpty(), "the soft key holds no encryption certificate");
            try (var pin = SoftKeys.pin(SoftKeys.USER_PIN)) {
                PinSafety.verify(app, PinType.USER, pin, new ScriptedInteraction(true));
            }
            LogonRehearsal.Result result = LogonRehearsal.run(device, container, certificate, Sm2.DEFAULT_ID);
            var publicKey = Sm2.publicKey(certificate.publicX(), certificate.publicY());
            assertTrue(Sm2.verify(publicKey, Sm2.DEFAULT_ID, result.challenge(), result.signature()));
            byte[] other = result.challenge().clone();
            other[0] ^= 1;
            assertFalse(Sm2.verify(publicKey, Sm2.DEFAULT_ID, other, result.signature()), "a signature must not verify another challenge");
            assertFalse(Sm2.verify(publicKey, "another-id".getBytes(), result.challenge(), result.signature()),
                    "nor with another signer ID: the Z-value is part of what is signed");
            app.logout();
            assertEquals("skf:0x0A00002D", org.junit.jupiter.api.Assertions.assertThrows(org.tokenbench.driver.guomi.GuomiException.class,
                    () -> container.sign(result.hash())).code().toString(), "signing needs the PIN again after logout");
        }
    }

    @Test
    void theDriverIsAServiceAndClaimsTheKeyByReadingItsInfoOnly() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("serial", "DS-PROBE-01"));
        key.faults("fail SKF_VerifyPIN * 0A000001", "fail SKF_ECCSignData * 0A000001");
        DriverRegistry registry = OsgiServices.await(DriverRegistry.class);
        TokenDriver driver = registry.drivers().stream().filter(d -> d.info().id().equals("org.tokenbench.driver.guomi")).findFirst().orElseThrow();
        SkfLibrary library = SkfLibrary.load(key.libraryPath());
        SkfConnection connection = new SkfConnection(library, library.devices().get(0));
        assertEquals(90, driver.probe(connection).orElseThrow().confidence());
        try (var session = driver.open(connection, new ScriptedInteraction(false))) {
            assertEquals("DS-PROBE-01", session.identity().serial());
            assertTrue(session.feature(SkfDevice.class).isPresent());
        }
    }
}
