package org.tokenbench.testing;

import java.util.List;
import java.util.Set;

import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;

/**
 * A driver that only describes itself, for tests of what lists drivers (registry, views, CLI). It claims no
 * device and opens no session ({@link TestDriver}'s defaults), so it can never stand in for a real driver's behaviour.
 */
public final class ListedDriver extends TestDriver {

    public ListedDriver(String id, String displayName, String... features) {
        super(new DriverDescriptor(id, "TokenBench tests", displayName, List.of(features),
                List.of(new FamilyDescriptor("listed", displayName, false, List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), 0, Set.of()))));
    }
}
