package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.pcsc.PcscErrors;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.pcsc.internal.EnvironmentChecklist;
import org.tokenbench.pcsc.internal.PcscLibrary;
import org.tokenbench.pcsc.internal.ServiceStatus;
import org.tokenbench.testing.KeepsDefaultLocale;
import org.tokenbench.testing.Translations;

/** What the PC/SC transport tells users, in English and in Simplified Chinese, following the JVM's language. */
@ExtendWith(KeepsDefaultLocale.class)
class TransportTextsTest {

    @Test
    void everyTextHasItsChineseOne() {
        Translations.assertComplete(ServiceStatus.TEXTS);
    }

    @Test
    void inEnglishTheStatusSaysHowManyReadersAndTheSummaryStopsBeforeThem() throws TokenException {
        Locale.setDefault(Locale.ROOT);
        assertEquals("PC/SC smart-card readers", new PcscTransport().displayName());
        assertEquals("pcscd is running; 0 readers connected", ServiceStatus.up(0).detail());
        assertEquals("pcscd is running; 1 reader connected", ServiceStatus.up(1).detail());
        TransportStatus two = ServiceStatus.up(2);
        assertEquals("pcscd is running; 2 readers connected", two.detail());
        assertEquals("pcscd is running", two.summary());
        TransportStatus down = pcscdNotRunning();
        assertEquals("pcscd is not running", down.summary());
        assertEquals("pcscd is not running: start pcscd: sudo systemctl start pcscd (or pcscd --foreground)", down.detail());
        assertEquals("pcsc:0x8010001D", down.code().orElseThrow().toString());
    }

    @Test
    void underAChineseLocaleTheTransportSpeaksChinese() throws TokenException {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("PC/SC \u667a\u80fd\u5361\u8bfb\u5361\u5668", new PcscTransport().displayName());
        TransportStatus two = ServiceStatus.up(2);
        assertEquals("pcscd \u6b63\u5728\u8fd0\u884c", two.summary());
        assertEquals("pcscd \u6b63\u5728\u8fd0\u884c\uff1b\u5df2\u8fde\u63a5 2 \u4e2a\u8bfb\u5361\u5668", two.detail());
        TransportStatus down = pcscdNotRunning();
        assertEquals("pcscd \u672a\u8fd0\u884c", down.summary());
        assertEquals("pcscd \u672a\u8fd0\u884c\uff1a\u8bf7\u542f\u52a8 pcscd\uff1asudo systemctl start pcscd\uff08\u6216 pcscd --foreground\uff09",
                down.detail());
        TransportStatus silent = ServiceStatus.down(PcscErrors.of(PcscErrors.INTERNAL_ERROR, "SCardEstablishContext failed", null));
        assertEquals("pcscd \u6ca1\u6709\u54cd\u5e94", silent.summary());
        assertTrue(silent.detail().startsWith("pcscd \u6ca1\u6709\u54cd\u5e94\uff08SCardEstablishContext failed\uff09\uff1a"), silent.detail());
    }

    /** The status when establishing a context found no pcscd (the library loaded). */
    private static TransportStatus pcscdNotRunning() throws TokenException {
        PcscLibrary.get();
        return ServiceStatus.down(PcscErrors.of(PcscErrors.NO_SERVICE, "SCardEstablishContext failed", null));
    }

    /** The real transport against the running pcscd: its status is in the language of the moment, not the one it started in. */
    @Test
    void theRunningTransportAnswersInTheLanguageOfEachCall() {
        PcscTransport transport = new PcscTransport();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        TransportStatus chinese = transport.status();
        assertTrue(chinese.available(), chinese.detail());
        assertTrue(chinese.detail().matches("pcscd \u6b63\u5728\u8fd0\u884c\uff1b\u5df2\u8fde\u63a5 \\d+ \u4e2a\u8bfb\u5361\u5668"), chinese.detail());
        Locale.setDefault(Locale.ENGLISH);
        assertTrue(transport.status().detail().matches("pcscd is running; \\d+ readers? connected"), transport.status().detail());
    }

    /** The environment checklist against the running pcscd, in Chinese: titles and details translated, ids not. */
    @Test
    void theEnvironmentChecklistSpeaksTheLanguageOfEachCall() {
        PcscTransport transport = new PcscTransport();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        List<Checklist.Result> chinese = transport.checkEnvironment("No Such Reader 99");
        assertEquals(List.of("pcsc.library", "pcsc.service", "pcsc.reader", "pcsc.card"), chinese.stream().map(r -> r.step().id()).toList());
        assertEquals(List.of("PC/SC \u5e93\u53ef\u4ee5\u52a0\u8f7d", "pcscd \u6709\u54cd\u5e94", "\u8bfb\u5361\u5668\u5df2\u8fde\u63a5",
                "\u8bfb\u5361\u5668\u4e2d\u6709\u5361\u7247"), chinese.stream().map(r -> r.step().title()).toList());
        assertEquals(EnvironmentChecklist.steps(), chinese.stream().map(Checklist.Result::step).toList());
        assertTrue(chinese.get(0).detail().startsWith("\u5df2\u52a0\u8f7d "), chinese.get(0).detail());
        assertTrue(chinese.get(2).detail().startsWith("\u6ca1\u6709\u540d\u4e3a \u201cNo Such Reader 99\u201d \u7684\u8bfb\u5361\u5668\uff08"),
                chinese.get(2).detail());
        assertEquals("\u672a\u68c0\u67e5", chinese.get(3).detail());

        Locale.setDefault(Locale.ROOT);
        List<Checklist.Result> english = transport.checkEnvironment("No Such Reader 99");
        assertEquals(List.of("PC/SC library loads", "pcscd answers", "the reader is connected", "a card is present"),
                english.stream().map(r -> r.step().title()).toList());
        assertTrue(english.get(2).detail().startsWith("no reader named 'No Such Reader 99' ("), english.get(2).detail());
        assertEquals("not checked", english.get(3).detail());
    }
}
