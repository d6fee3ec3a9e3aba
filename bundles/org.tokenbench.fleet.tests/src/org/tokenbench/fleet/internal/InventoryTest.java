package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.fleet.FleetProblem;

/** The inventory on H2 and PostgreSQL: sightings, state and owner changes, and the history they leave in the audit log. */
class InventoryTest {

    private FleetDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDeviceIsAddedWhenFirstSeenAndKeepsItsStateWhenSeenAgain(TestDatabases kind) throws Exception {
        database = kind.create();
        JdbcAuditLog audit = new JdbcAuditLog(database);
        JdbcInventory inventory = new JdbcInventory(database, audit);
        DeviceIdentity token = new DeviceIdentity("safeid", "safeid-c200", "2100123456");

        Entry first = inventory.seen(token, "1.2", Optional.of(Duration.ofSeconds(-3)));
        assertEquals(State.NEW, first.state());
        assertEquals("1.2", first.firmware());
        assertEquals(Optional.of(Duration.ofSeconds(-3)), first.lastSkew());
        assertEquals(first.firstSeen(), first.lastSeen());

        inventory.changeState("safeid-c200", "2100123456", State.PROGRAMMED, "Example:alice@example.com");
        inventory.assign("safeid-c200", "2100123456", "alice");
        Thread.sleep(5);
        Entry again = inventory.seen(token, "", Optional.empty());
        assertEquals(State.PROGRAMMED, again.state(), "seeing a device again keeps its state");
        assertEquals("1.2", again.firmware(), "an unknown firmware keeps the recorded one");
        assertEquals(Optional.of(Duration.ofSeconds(-3)), again.lastSkew(), "no new reading keeps the last skew");
        assertEquals("alice", again.owner());
        assertEquals("Example:alice@example.com", again.account());
        assertEquals(first.firstSeen(), again.firstSeen());
        assertTrue(again.lastSeen().isAfter(first.lastSeen()));

        Entry retired = inventory.changeState("safeid-c200", "2100123456", State.RETIRED, "");
        assertEquals("Example:alice@example.com", retired.account(), "an empty account keeps the recorded one");
        assertEquals(Optional.of(retired), inventory.find("safeid-c200", "2100123456"));

        List<AuditEntry> history = audit.history("safeid-c200", "2100123456");
        assertEquals(List.of("state programmed (was new), account Example:alice@example.com", "owner alice", "state retired (was programmed)"),
                history.stream().map(e -> e.event().detail()).toList());
        assertTrue(history.stream().allMatch(e -> e.event().action().equals(AuditEvent.INVENTORY_CHANGE)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theListIsOrderedAndUnknownDevicesAreRefused(TestDatabases kind) throws Exception {
        database = kind.create();
        JdbcInventory inventory = new JdbcInventory(database, new JdbcAuditLog(database));
        inventory.seen(new DeviceIdentity("guomi", "guomi-skf", "GM02"), "", Optional.empty());
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", "S1"), "", Optional.empty());
        inventory.seen(new DeviceIdentity("guomi", "guomi-skf", "GM01"), "", Optional.empty());
        assertEquals(List.of("GM01", "GM02", "S1"), inventory.list().stream().map(Entry::serial).toList());
        assertFalse(inventory.find("safeid-c200", "nope").isPresent());
        TokenException unknown = assertThrows(TokenException.class, () -> inventory.changeState("safeid-c200", "nope", State.LOST, ""));
        assertEquals(FleetProblem.UNKNOWN_DEVICE, unknown.code());
        assertEquals(FleetProblem.UNKNOWN_DEVICE, assertThrows(TokenException.class, () -> inventory.assign("x", "y", "bob")).code());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void migrationsAreAppliedOnceAndANewerSchemaIsRefused(TestDatabases kind) throws Exception {
        String name = TestDatabases.newName();
        database = new FleetDatabase(kind.settings(name));
        List<Integer> versions = database.read(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                List<Integer> found = new java.util.ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getInt(1));
                }
                return found;
            }
        });
        assertEquals(List.of(1, 2), versions);
        database.write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO schema_version (version, script, applied_at) VALUES (99, 'V99__future.sql', 0)");
            }
            return null;
        });
        database.close();
        database = new FleetDatabase(kind.settings(name));
        TokenException tooNew = assertThrows(TokenException.class, () -> database.read(connection -> null));
        assertEquals(FleetProblem.SCHEMA_TOO_NEW, tooNew.code());
    }
}
