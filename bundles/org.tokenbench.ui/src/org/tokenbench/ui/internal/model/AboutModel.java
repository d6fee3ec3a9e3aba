package org.tokenbench.ui.internal.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.tokenbench.core.driver.DriverRegistry;

/**
 * What Help › About lists: the TokenBench bundles running, with their versions, and every registered device driver
 * (name, bundle, version, vendor) — what a support ticket needs. Plain Java over OSGi's bundles and the driver registry.
 */
public final class AboutModel {

    /** One line of a list. */
    public record Row(String name, String bundle, String version, String vendor) {
    }

    private AboutModel() {
    }

    /** TokenBench's own bundles ({@code org.tokenbench.*}, not their source bundles), by name, with localized names. */
    public static List<Row> bundles(Bundle[] installed) {
        return Arrays.stream(installed).filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.tokenbench.")
                        && !b.getSymbolicName().endsWith(".source"))
                .map(b -> new Row(header(b, "Bundle-Name", b.getSymbolicName()), b.getSymbolicName(), b.getVersion().toString(),
                        header(b, "Bundle-Vendor", "")))
                .sorted(Comparator.comparing(Row::bundle)).toList();
    }

    /** Every registered driver, including vendors' and user-installed ones; {@code bundleOf} names the bundle that registered it. */
    public static List<Row> drivers(List<DriverRegistry.RegisteredDriver> drivers, Function<Object, String> bundleOf) {
        return drivers.stream().map(d -> new Row(d.info().displayName(), bundleOf.apply(d.driver()), d.info().version(), d.info().vendor()))
                .sorted(Comparator.comparing(Row::name)).toList();
    }

    /**
     * The product's version, as {@code tokenbench version} prints it and the archives are named: the command-line
     * bundle's (the UI bundle's when that is absent). Bundles carry their own semantic versions; this one names the build.
     */
    public static String productVersion(Bundle ui) {
        org.osgi.framework.BundleContext context = ui.getBundleContext();
        if (context != null) {
            for (Bundle bundle : context.getBundles()) {
                if ("org.tokenbench.cli".equals(bundle.getSymbolicName())) {
                    return bundle.getVersion().toString();
                }
            }
        }
        return ui.getVersion().toString();
    }

    private static String header(Bundle bundle, String name, String otherwise) {
        String value = bundle.getHeaders().get(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
