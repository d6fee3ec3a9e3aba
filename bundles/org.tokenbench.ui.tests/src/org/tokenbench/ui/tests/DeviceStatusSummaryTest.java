package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.ui.internal.status.DeviceStatusSummary;
import org.tokenbench.ui.internal.status.DeviceStatusSummary.TransportState;

/** The status bar's wording, without a display or a daemon. */
class DeviceStatusSummaryTest {

    private static final ErrorCode NO_SERVICE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x7F);

    @Test
    void aWorkingReaderStackSaysPcscdRunsAndHowManyDevicesAreIdentified() {
        DeviceStatusSummary summary = DeviceStatusSummary.of(List.of(
                new TransportState("pcsc", "PC/SC readers", TransportStatus.up("pcscd is running", "pcscd is running; 2 readers connected"), 2, 1),
                new TransportState("skf", "SKF keys", TransportStatus.down("no vendor SKF library is configured",
                        "no vendor SKF library is configured: choose one in the preferences", NO_SERVICE), 0, 0)));
        assertEquals("PC/SC: pcscd is running; 1 identified · USB keys: no vendor SKF library is configured", summary.line());
        assertTrue(summary.details().contains("2 readers connected"), "the rest is in the tooltip: " + summary.details());
        assertTrue(summary.details().contains("choose one in the preferences"), "the remedy is in the tooltip: " + summary.details());
        assertTrue(summary.healthy(), "readers work: an unconfigured key library is no alarm");
    }

    @Test
    void pcscdDownIsAnAlarmWithTheRemedyInTheDetails() {
        DeviceStatusSummary summary = DeviceStatusSummary.of(List.of(new TransportState("pcsc", "PC/SC readers",
                TransportStatus.down("pcscd is not running",
                "pcscd is not running: start pcscd: sudo systemctl start pcscd", NO_SERVICE), 0, 0)));
        assertEquals("PC/SC: pcscd is not running", summary.line());
        assertTrue(summary.details().contains("sudo systemctl start pcscd"), summary.details());
        assertFalse(summary.healthy());
    }

    /** The summary is the transport's own words: nothing is cut out of a sentence, whatever its language or punctuation. */
    @Test
    void theStatusBarShowsTheTransportsSummaryAndAVendorsWholeSentence() {
        DeviceStatusSummary summary = DeviceStatusSummary.of(List.of(
                new TransportState("pcsc", "PC/SC readers", TransportStatus.up("pcscd \u6b63\u5728\u8fd0\u884c",
                        "pcscd \u6b63\u5728\u8fd0\u884c\uff1b\u5df2\u8fde\u63a5 2 \u4e2a\u8bfb\u5361\u5668"), 2, 0),
                new TransportState("acme", "ACME HID keys", TransportStatus.up("2 keys: one is busy; ask later"), 2, 2)));
        assertEquals("PC/SC: pcscd \u6b63\u5728\u8fd0\u884c; 0 identified \u00b7 ACME HID keys: 2 keys: one is busy; ask later; 2 identified",
                summary.line());
        assertTrue(summary.details().contains("\u5df2\u8fde\u63a5 2 \u4e2a\u8bfb\u5361\u5668"), summary.details());
    }
}
