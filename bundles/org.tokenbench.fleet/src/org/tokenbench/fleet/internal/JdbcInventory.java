package org.tokenbench.fleet.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.fleet.FleetProblem;

/**
 * The inventory in the fleet database. A change of state or owner is recorded in the audit log
 * ({@link AuditEvent#INVENTORY_CHANGE}, with the old and new value), so a device's history shows who retired it; a
 * device merely seen again is not, it only updates "last seen".
 */
@Component(service = DeviceInventory.class)
public final class JdbcInventory implements DeviceInventory {

    private static final String COLUMNS = "family, serial, driver, firmware, owner, account, state, last_skew_ms, first_seen, last_seen";

    @Reference
    private FleetDatabase database;
    @Reference
    private AuditLog audit;

    /** For Declarative Services. */
    public JdbcInventory() {
    }

    public JdbcInventory(FleetDatabase database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public Optional<Entry> find(String family, String serial) throws TokenException {
        return database.read(connection -> find(connection, family, serial, false));
    }

    @Override
    public List<Entry> list() throws TokenException {
        return database.read(connection -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM device ORDER BY family, serial");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        });
    }

    @Override
    public Entry seen(DeviceIdentity device, String firmware, Optional<Duration> skew) throws TokenException {
        long now = System.currentTimeMillis();
        return database.write(connection -> {
            Optional<Entry> known = find(connection, device.family(), device.serial(), true);
            if (known.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device (" + COLUMNS + ") VALUES (?, ?, ?, ?, '', '', ?, ?, ?, ?)")) {
                    insert.setString(1, device.family());
                    insert.setString(2, device.serial());
                    insert.setString(3, device.driverId());
                    insert.setString(4, firmware);
                    insert.setString(5, State.NEW.name());
                    setSkew(insert, 6, skew);
                    insert.setLong(7, now);
                    insert.setLong(8, now);
                    insert.executeUpdate();
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE device SET driver = ?, firmware = ?, last_skew_ms = ?, last_seen = ? WHERE family = ? AND serial = ?")) {
                    update.setString(1, device.driverId());
                    update.setString(2, firmware.isEmpty() ? known.get().firmware() : firmware);
                    setSkew(update, 3, skew.or(known.get()::lastSkew));
                    update.setLong(4, now);
                    update.setString(5, device.family());
                    update.setString(6, device.serial());
                    update.executeUpdate();
                }
            }
            return find(connection, device.family(), device.serial(), false).orElseThrow();
        });
    }

    @Override
    public Entry changeState(String family, String serial, State state, String account) throws TokenException {
        Entry before = require(family, serial);
        // One line per field (a newline in an account would forge rows in `fleet list`), escaped as the audit log does.
        Entry after = update(family, serial, "state = ?, account = ?", state.name(),
                account.isEmpty() ? before.account() : AuditRow.storable(account, 400));
        StringBuilder detail = new StringBuilder("state ").append(name(state)).append(" (was ").append(name(before.state())).append(')');
        if (!after.account().equals(before.account())) {
            detail.append(", account ").append(after.account());
        }
        audit.record(AuditEvent.succeeded(AuditEvent.INVENTORY_CHANGE, family, serial, detail.toString()));
        return after;
    }

    @Override
    public Entry assign(String family, String serial, String owner) throws TokenException {
        Entry before = require(family, serial);
        Entry after = update(family, serial, "owner = ?", AuditRow.storable(owner, 200));
        audit.record(AuditEvent.succeeded(AuditEvent.INVENTORY_CHANGE, family, serial,
                (owner.isEmpty() ? "unassigned" : "owner " + owner) + (before.owner().isEmpty() ? "" : " (was " + before.owner() + ")")));
        return after;
    }

    private Entry require(String family, String serial) throws TokenException {
        return find(family, serial).orElseThrow(() -> unknown(family, serial));
    }

    private Entry update(String family, String serial, String assignments, String... values) throws TokenException {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE device SET " + assignments + " WHERE family = ? AND serial = ?")) {
                int i = 1;
                for (String value : values) {
                    update.setString(i++, value);
                }
                update.setString(i++, family);
                update.setString(i, serial);
                if (update.executeUpdate() == 0) {
                    throw unknown(family, serial);
                }
            }
            return find(connection, family, serial, false).orElseThrow();
        });
    }

    private static TokenException unknown(String family, String serial) {
        return new TokenException(FleetProblem.UNKNOWN_DEVICE, "no " + family + " device with serial " + serial + " in the inventory");
    }

    private static String name(State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<Entry> find(Connection connection, String family, String serial, boolean lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM device WHERE family = ? AND serial = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            query.setString(1, family);
            query.setString(2, serial);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Entry read(ResultSet rows) throws SQLException {
        long skew = rows.getLong(8);
        Optional<Duration> lastSkew = rows.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(skew));
        State state;
        try {
            state = State.valueOf(rows.getString(7));
        } catch (IllegalArgumentException e) {
            throw new SQLException("device " + rows.getString(1) + "/" + rows.getString(2) + " has an unknown state " + rows.getString(7), e);
        }
        return new Entry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), state,
                lastSkew, Instant.ofEpochMilli(rows.getLong(9)), Instant.ofEpochMilli(rows.getLong(10)));
    }

    private static void setSkew(PreparedStatement statement, int index, Optional<Duration> skew) throws SQLException {
        if (skew.isPresent()) {
            statement.setLong(index, skew.get().toMillis());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}
