package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.ui.internal.status.DeviceStatusSummary;
import org.tokenbench.ui.internal.status.DeviceStatusSummary.TransportState;
import org.tokenbench.ui.internal.status.Messages;

/**
 * The status bar's wording, without a display or a daemon; the expected texts come from {@link Messages}, so it runs
 * in English and in the ui.tests pom's views-zh execution.
 */
class DeviceStatusSummaryTest {

    private static final ErrorCode NO_SERVICE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x7F);

    @Test
    void aWorkingReaderStackSaysPcscdRunsAndHowManyDevicesAreIdentified() {
        DeviceStatusSummary summary = DeviceStatusSummary.of(List.of(
                new TransportState("pcsc", "PC/SC readers", TransportStatus.up("pcscd is running", "pcscd is running; 2 readers connected"), 2, 1),
                new TransportState("skf", "SKF keys", TransportStatus.down("no vendor SKF library is configured",
                        "no vendor SKF library is configured: choose one in the preferences", NO_SERVICE), 0, 0)));
        assertEquals(NLS.bind(Messages.status_transportUp, new Object[] {Messages.status_pcsc, "pcscd is running", 1}) + " · "
                + NLS.bind(Messages.status_transportDown, Messages.status_skf, "no vendor SKF library is configured"), summary.line());
        assertTrue(summary.details().contains("2 readers connected"), "the rest is in the tooltip: " + summary.details());
        assertTrue(summary.details().contains("choose one in the preferences"), "the remedy is in the tooltip: " + summary.details());
        assertTrue(summary.healthy(), "readers work: an unconfigured key library is no alarm");
    }

    @Test
    void pcscdDownIsAnAlarmWithTheRemedyInTheDetails() {
        DeviceStatusSummary summary = DeviceStatusSummary.of(List.of(new TransportState("pcsc", "PC/SC readers",
                TransportStatus.down("pcscd is not running", "pcscd is not running: start pcscd: sudo systemctl start pcscd", NO_SERVICE),
                0, 0)));
        assertEquals(NLS.bind(Messages.status_transportDown, Messages.status_pcsc, "pcscd is not running"), summary.line());
        assertEquals(NLS.bind(Messages.status_detailLine, "PC/SC readers", "pcscd is not running: start pcscd: sudo systemctl start pcscd")
                + " [" + NO_SERVICE + "]", summary.details());
        assertFalse(summary.healthy());
    }

    /** The summary is the transport's own words: nothing is cut out of a sentence, whatever its language or punctuation. */
    @Test
    void theStatusBarShowsTheTransportsSummaryAndAVendorsWholeSentence() {
        String running = "pcscd \u6b63\u5728\u8fd0\u884c";
        DeviceStatusSummary summary = DeviceStatusSummary.of(List.of(
                new TransportState("pcsc", "PC/SC readers", TransportStatus.up(running, running + "\uff1b\u5df2\u8fde\u63a5 2 \u4e2a\u8bfb\u5361\u5668"), 2, 0),
                new TransportState("acme", "ACME HID keys", TransportStatus.up("2 keys: one is busy; ask later"), 2, 2)));
        assertEquals(NLS.bind(Messages.status_transportUp, new Object[] {Messages.status_pcsc, running, 0}) + " · "
                + NLS.bind(Messages.status_transportUp, new Object[] {"ACME HID keys", "2 keys: one is busy; ask later", 2}), summary.line());
        assertTrue(summary.details().contains("\u5df2\u8fde\u63a5 2 \u4e2a\u8bfb\u5361\u5668"), summary.details());
    }
}
