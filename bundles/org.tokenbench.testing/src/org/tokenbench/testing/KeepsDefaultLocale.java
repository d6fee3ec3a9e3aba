package org.tokenbench.testing;

import java.util.Locale;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test may set the JVM's default locale to check a text in another language: the next test finds the one it had
 * ({@code @ExtendWith(KeepsDefaultLocale.class)}).
 *
 * @since 0.2.0
 */
public final class KeepsDefaultLocale implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeepsDefaultLocale.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Locale.class, Locale.getDefault());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Locale.setDefault(context.getStore(NAMESPACE).get(Locale.class, Locale.class));
    }
}
