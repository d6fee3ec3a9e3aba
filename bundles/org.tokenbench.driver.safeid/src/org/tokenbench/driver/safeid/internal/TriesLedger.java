package org.tokenbench.driver.safeid.internal;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication tries left per token serial, as the tokens reported them (63Cx) in this session. A token
 * says how many tries remain only after a failure, so this is what lets TokenBench refuse a last try
 * without asking first.
 */
final class TriesLedger {

    private final Map<String, Integer> triesLeft = new ConcurrentHashMap<>();

    OptionalInt triesLeft(String serial) {
        Integer known = triesLeft.get(serial);
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    void failed(String serial, int remaining) {
        triesLeft.put(serial, remaining);
    }
}
