package org.tokenbench.pcsc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Texts;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.core.driver.Checklist.Step;
import org.tokenbench.pcsc.PcscErrors;

/**
 * What must hold before a PC/SC device can be used: library, pcscd, reader, card. Sends nothing to the card. Step
 * titles and details are in the JVM's language at each run ({@code messages.properties} beside {@link ServiceStatus});
 * step ids stay the same in every language.
 */
public final class EnvironmentChecklist {

    private static final Texts TEXTS = ServiceStatus.TEXTS;

    public static final String LIBRARY = "pcsc.library";
    public static final String SERVICE = "pcsc.service";
    public static final String READER = "pcsc.reader";
    public static final String CARD = "pcsc.card";
    private static final List<String> STEP_IDS = List.of(LIBRARY, SERVICE, READER, CARD);

    private EnvironmentChecklist() {
    }

    /** The steps in the order they run, titled in the JVM's language as it is now. */
    public static List<Step> steps() {
        return STEP_IDS.stream().map(EnvironmentChecklist::step).toList();
    }

    private static Step step(String id) {
        return new Step(id, TEXTS.get("step." + id));
    }

    /** @param reader the reader's name; null or blank checks that some reader has a card */
    public static List<Result> run(String reader) {
        List<Result> results = new ArrayList<>();
        try {
            PcscLibrary.get();
            results.add(passed(LIBRARY, TEXTS.get("library.loaded", PcscLibrary.loadedFrom())));
        } catch (TokenException e) {
            results.add(failed(LIBRARY, e.getMessage(), e.code()));
            return notChecked(results);
        }
        try (PcscContext context = PcscContext.establish()) {
            List<Slot> slots = ReaderSlots.now(context);
            results.add(passed(SERVICE, ServiceStatus.up(slots.size()).detail()));
            boolean anyReader = reader == null || reader.isBlank();
            List<Slot> candidates = slots.stream().filter(slot -> anyReader || slot.id().equals(reader)).toList();
            if (candidates.isEmpty()) {
                String present = slots.isEmpty() ? TEXTS.get("reader.none") : TEXTS.get("reader.connected", names(slots));
                results.add(failed(READER, anyReader ? present : TEXTS.get("reader.unknown", reader, present),
                        pcsc(slots.isEmpty() ? PcscErrors.NO_READERS_AVAILABLE : PcscErrors.UNKNOWN_READER)));
                return notChecked(results);
            }
            results.add(passed(READER, names(candidates)));
            Optional<Slot> withCard = candidates.stream().filter(Slot::devicePresent).findFirst();
            if (withCard.isEmpty()) {
                results.add(failed(CARD, anyReader ? TEXTS.get("card.none.anyReader") : TEXTS.get("card.none", reader), pcsc(PcscErrors.NO_SMARTCARD)));
            } else {
                Slot slot = withCard.get();
                String atr = slot.atr().map(value -> TEXTS.get("card.atr", value.toString())).orElseGet(() -> TEXTS.get("card.mute"));
                results.add(passed(CARD, anyReader ? TEXTS.get("card.inReader", slot.name(), atr) : atr));
            }
        } catch (TokenException e) {
            results.add(failed(STEP_IDS.get(results.size()), ServiceStatus.describe(e), e.code()));
        }
        return notChecked(results);
    }

    private static String names(List<Slot> slots) {
        return String.join(TEXTS.get("list.separator"), slots.stream().map(Slot::name).toList());
    }

    private static ErrorCode pcsc(long code) {
        return ErrorCode.of(ErrorCode.PCSC, code);
    }

    private static Result passed(String step, String detail) {
        return new Result(step(step), Status.PASSED, detail, Optional.empty());
    }

    private static Result failed(String step, String detail, ErrorCode code) {
        return new Result(step(step), Status.FAILED, detail, Optional.of(code));
    }

    /** After a failure the remaining steps are reported, as not checked. */
    private static List<Result> notChecked(List<Result> results) {
        for (String step : STEP_IDS.subList(results.size(), STEP_IDS.size())) {
            results.add(new Result(step(step), Status.SKIPPED, TEXTS.get("step.notChecked"), Optional.empty()));
        }
        return List.copyOf(results);
    }
}
