package org.tokenbench.core.driver;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One device family of a driver, as data: how to recognise it before any APDU (ATR patterns) and what it can hold,
 * so that views and commands offer exactly the claimed device's choices.
 *
 * @param id             stable id within the driver ("single-profile", "molto2"); {@link Match#family()} names it
 * @param name           the family in the user's words
 * @param anyAtr         true when the driver cannot know its cards' ATRs ({@code atr = any}): it is asked about
 *                       every card of its connection type
 * @param atrPatterns    ATRs of this family; empty (and not {@code anyAtr}) for transports without ATRs (SKF keys)
 * @param readerPatterns reader names that identify the family where the device is its own reader (a USB CCID token
 *                       such as the Token2 Molto2 names itself "TOKEN2 Molto2 …"): globs with {@code *} and {@code ?},
 *                       case-insensitive
 * @param algorithms     the OTP hashes a seed may use (empty: the family holds no OTP seeds)
 * @param digits         code lengths
 * @param periods        TOTP steps in seconds
 * @param displaySeconds how long the display may stay on (empty: not settable)
 * @param profiles       seed slots (1 for single-profile tokens, 0 for devices without seeds)
 * @param pinTypes       the PINs the device has
 */
public record FamilyDescriptor(String id, String name, boolean anyAtr, List<AtrPattern> atrPatterns, List<String> readerPatterns,
        Set<HashAlgorithm> algorithms,
        List<Integer> digits, List<Integer> periods, List<Integer> displaySeconds, int profiles, Set<PinType> pinTypes) {

    public FamilyDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        atrPatterns = List.copyOf(atrPatterns);
        readerPatterns = List.copyOf(readerPatterns);
        algorithms = Set.copyOf(algorithms);
        digits = List.copyOf(digits);
        periods = List.copyOf(periods);
        displaySeconds = List.copyOf(displaySeconds);
        pinTypes = Set.copyOf(pinTypes);
    }

    /** Whether a card with this ATR may be of this family (always, for {@code atr = any}). */
    public boolean mayBe(Atr atr) {
        return anyAtr || atrPatterns.stream().anyMatch(p -> p.matches(atr));
    }

    /** Whether the card with this ATR, in the reader named {@code reader}, may be of this family. */
    public boolean mayBe(Atr atr, String reader) {
        return mayBe(atr) || readerPatterns.stream().anyMatch(p -> globMatches(p, reader));
    }

    /** {@code *} any run of characters, {@code ?} one character, case-insensitive. */
    static boolean globMatches(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> java.util.regex.Pattern.quote(String.valueOf(c));
            });
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL)
                .matcher(text).matches();
    }

    /** Why the family cannot hold these settings, in the user's words; empty when it can. */
    public Optional<String> unsupported(SeedProgramming.Settings settings) {
        if (algorithms.isEmpty()) {
            return Optional.of(name + " devices hold no OTP seeds");
        }
        if (!algorithms.contains(settings.algorithm())) {
            return Optional.of(name + " computes " + list(algorithms.stream().sorted().map(Enum::name).toList()) + " codes, not "
                    + settings.algorithm());
        }
        if (!digits.contains(settings.digits())) {
            return Optional.of(name + " shows " + list(digits) + "-digit codes, not " + settings.digits());
        }
        if (!periods.contains(settings.periodSeconds())) {
            return Optional.of(name + " changes codes every " + list(periods) + " seconds, not every " + settings.periodSeconds());
        }
        if (!displaySeconds.isEmpty() && !displaySeconds.contains(settings.displaySeconds())) {
            return Optional.of("the display of " + name + " stays on for " + list(displaySeconds) + " seconds, not "
                    + settings.displaySeconds());
        }
        if (settings.profile() < 0 || settings.profile() >= Math.max(profiles, 1)) {
            return Optional.of(profiles <= 1 ? name + " has a single profile (0), not profile " + settings.profile()
                    : "profiles of " + name + " are numbered 0 to " + (profiles - 1) + ", not " + settings.profile());
        }
        return Optional.empty();
    }

    private static String list(List<?> values) {
        List<String> words = values.stream().map(String::valueOf).toList();
        return words.size() <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    static String joined(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
}
