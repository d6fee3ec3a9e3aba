package org.tokenbench.programming;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.SeedProgramming;

/**
 * What a device family can hold, as Program Token and {@code tokenbench token program} offer it: exactly the values
 * of the family's descriptor, in its order, with the default each offers first. The descriptor is the one source; this
 * only reads it.
 */
public final class ProgrammingChoices {

    /** The display time offered first when the family has it: long enough to type a code, short enough to save power. */
    public static final int PREFERRED_DISPLAY_SECONDS = 30;
    public static final int PREFERRED_PERIOD_SECONDS = 30;
    public static final int PREFERRED_DIGITS = 6;

    private final FamilyDescriptor family;

    private ProgrammingChoices(FamilyDescriptor family) {
        this.family = Objects.requireNonNull(family, "family");
    }

    public static ProgrammingChoices of(FamilyDescriptor family) {
        return new ProgrammingChoices(family);
    }

    public FamilyDescriptor family() {
        return family;
    }

    /** Whether the family holds OTP seeds at all. */
    public boolean programmable() {
        return !family.algorithms().isEmpty();
    }

    /** In {@link HashAlgorithm} order, so SHA1 comes first where offered. */
    public List<HashAlgorithm> algorithms() {
        return family.algorithms().stream().sorted().toList();
    }

    public List<Integer> digits() {
        return family.digits();
    }

    public List<Integer> periods() {
        return family.periods();
    }

    /** Empty when the family's display time cannot be set. */
    public List<Integer> displaySeconds() {
        return family.displaySeconds();
    }

    /** The profile numbers, 0 to profiles - 1 (just 0 on single-profile tokens). */
    public List<Integer> profiles() {
        return IntStream.range(0, Math.max(family.profiles(), 1)).boxed().toList();
    }

    /** 30 s if the family offers it, else its first; 30 when the display time cannot be set (the device ignores it). */
    public int defaultDisplaySeconds() {
        return preferred(displaySeconds(), PREFERRED_DISPLAY_SECONDS);
    }

    public int defaultPeriodSeconds() {
        return preferred(periods(), PREFERRED_PERIOD_SECONDS);
    }

    public int defaultDigits() {
        return preferred(digits(), PREFERRED_DIGITS);
    }

    /** SHA1 if offered (what phone apps assume), else the family's first. */
    public Optional<HashAlgorithm> defaultAlgorithm() {
        return algorithms().stream().findFirst();
    }

    /** Why the family cannot hold these settings, in the user's words; empty when it can. */
    public Optional<String> unsupported(SeedProgramming.Settings settings) {
        return family.unsupported(settings);
    }

    private static int preferred(List<Integer> offered, int preferred) {
        return offered.isEmpty() || offered.contains(preferred) ? preferred : offered.get(0);
    }

    @Override
    public String toString() {
        return "ProgrammingChoices[" + family.id() + "]";
    }
}
