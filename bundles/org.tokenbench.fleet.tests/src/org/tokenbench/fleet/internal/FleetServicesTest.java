package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.fleet.AuditTrail;
import org.tokenbench.fleet.FleetProblem;
import org.tokenbench.fleet.SeedVault;
import org.tokenbench.testing.OsgiServices;

/** The bundle as OSGi sees it: its services come up on the default database, and its catalog explains every code. */
class FleetServicesTest {

    @Test
    void theServicesShareTheDefaultDatabaseUnderTheHome() throws Exception {
        AuditLog log = OsgiServices.await(AuditLog.class);
        AuditTrail trail = OsgiServices.await(AuditTrail.class);
        OsgiServices.await(DeviceInventory.class);
        OsgiServices.await(SeedVault.class);
        assertTrue(log instanceof JdbcAuditLog, "the fleet bundle's log replaces AuditLog.NONE");
        long sequence = log.record(AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "services test")).sequence();
        assertTrue(sequence > 0);
        assertEquals("services test", trail.entries(sequence - 1, 1).get(0).event().detail());
        assertTrue(trail.verify().intact());
    }

    @Test
    void everyFleetCodeHasACatalogEntry() throws Exception {
        DiagnosticsRegistry registry = OsgiServices.await(DiagnosticsRegistry.class);
        for (Field field : FleetProblem.class.getFields()) {
            if (field.getType() == ErrorCode.class) {
                ErrorCode code = (ErrorCode) field.get(null);
                assertTrue(registry.explain(code).isPresent(), field.getName() + " (" + code + ") is not in catalogs/fleet.catalog");
            }
        }
    }
}
