package org.tokenbench.diagnostics.internal;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words around catalog texts when a diagnosis is rendered ("Likely causes:", "What to do:", "Detail:"), from
 * {@code labels.properties} and its translations beside this class ({@code labels_zh.properties}: UTF-8).
 */
public final class Labels {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private Labels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The labels of {@code locale}, falling back as ResourceBundle does but never to the JVM's default locale. */
    public static Labels of(Locale locale) {
        return new Labels(ResourceBundle.getBundle(Labels.class.getPackageName() + ".labels", locale, Labels.class.getClassLoader(),
                NO_DEFAULT_LOCALE));
    }

    public String causes(List<String> causes) {
        return fill("causes", String.join(bundle.getString("causes.separator"), causes));
    }

    public String remedy(String remedy) {
        return fill("remedy", remedy);
    }

    public String detail(String detail) {
        return fill("detail", detail);
    }

    /** Plain replacement, not MessageFormat: catalog texts are full of apostrophes. */
    private String fill(String key, String value) {
        return bundle.getString(key).replace("{0}", value);
    }
}
