package org.tokenbench.pcsc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.core.driver.Checklist.Step;
import org.tokenbench.pcsc.PcscErrors;

/** What must hold before a PC/SC device can be used: library, pcscd, reader, card. Sends nothing to the card. */
public final class EnvironmentChecklist {

    public static final Step LIBRARY = new Step("pcsc.library", "PC/SC library loads");
    public static final Step SERVICE = new Step("pcsc.service", "pcscd answers");
    public static final Step READER = new Step("pcsc.reader", "the reader is connected");
    public static final Step CARD = new Step("pcsc.card", "a card is present");
    private static final List<Step> STEPS = List.of(LIBRARY, SERVICE, READER, CARD);

    private EnvironmentChecklist() {
    }

    /** @param reader the reader's name; null or blank checks that some reader has a card */
    public static List<Result> run(String reader) {
        List<Result> results = new ArrayList<>();
        try {
            PcscLibrary.get();
            results.add(passed(LIBRARY, "loaded " + PcscLibrary.loadedFrom()));
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
                String present = slots.isEmpty() ? "no reader is connected"
                        : "connected: " + String.join(", ", slots.stream().map(Slot::name).toList());
                results.add(failed(READER, anyReader ? present : "no reader named '" + reader + "' (" + present + ")",
                        pcsc(slots.isEmpty() ? PcscErrors.NO_READERS_AVAILABLE : PcscErrors.UNKNOWN_READER)));
                return notChecked(results);
            }
            results.add(passed(READER, String.join(", ", candidates.stream().map(Slot::name).toList())));
            Optional<Slot> withCard = candidates.stream().filter(Slot::devicePresent).findFirst();
            if (withCard.isEmpty()) {
                results.add(failed(CARD, "no card or token in " + (anyReader ? "any reader" : "'" + reader + "'"), pcsc(PcscErrors.NO_SMARTCARD)));
            } else {
                Slot slot = withCard.get();
                results.add(passed(CARD, (anyReader ? slot.name() + ": " : "") + slot.atr().map(atr -> "ATR " + atr)
                        .orElse("the card gives no ATR (mute: turn it around or try another reader)")));
            }
        } catch (TokenException e) {
            results.add(failed(STEPS.get(results.size()), ServiceStatus.describe(e), e.code()));
        }
        return notChecked(results);
    }

    private static ErrorCode pcsc(long code) {
        return ErrorCode.of(ErrorCode.PCSC, code);
    }

    private static Result passed(Step step, String detail) {
        return new Result(step, Status.PASSED, detail, Optional.empty());
    }

    private static Result failed(Step step, String detail, ErrorCode code) {
        return new Result(step, Status.FAILED, detail, Optional.of(code));
    }

    /** After a failure the remaining steps are reported, as not checked. */
    private static List<Result> notChecked(List<Result> results) {
        for (Step step : STEPS.subList(results.size(), STEPS.size())) {
            results.add(new Result(step, Status.SKIPPED, "not checked", Optional.empty()));
        }
        return List.copyOf(results);
    }
}
