package org.tokenbench.ui.internal.editors;

import java.time.Instant;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * The credentials a {@link CredentialStore} holds, with their codes now (a touch credential says so instead). Adding,
 * renaming and deleting stay in the OATH Credentials view, opened on this device from here.
 */
final class CredentialsPage extends EditorPage {

    private static final String CREDENTIALS_VIEW = "org.tokenbench.ui.views.credentials";
    private TableViewer table;

    @Override
    String title() {
        return Messages.page_credentials;
    }

    @Override
    String key() {
        return "credentials";
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        table = Widgets.table(parent, SWT.SINGLE, "credentials.table");
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_name, 280, code -> code.credential().name());
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_type, 70, code -> code.credential().type().name());
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_settings, 170, code -> code.credential().algorithm().name() + ", "
                + code.credential().digits() + ", " + code.credential().periodSeconds() + " s"
                + (code.credential().requiresTouch() ? ", " + Messages.credentials_touch : ""));
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_code, 240, code -> code.code().orElse(code.whyNot().orElse("")));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getTable());
        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        commandButton(buttons, Messages.credentials_refresh, "credentials.refresh", org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, this::refresh);
        button(buttons, Messages.credentials_edit, "credentials.edit", this::openCredentialsView);
    }

    @Override
    void shown() {
        refresh();
    }

    /** Lists the credentials and computes their codes (the store asks for its password through the editor, once). */
    private void refresh() {
        TableViewer shownIn = table;
        device.run(Messages.credentials_reading, (session, monitor) -> {
            CredentialStore store = session.feature(CredentialStore.class)
                    .orElseThrow(() -> new TokenException(EditorCodes.FEATURE_GONE, Messages.credentials_gone));
            List<CredentialStore.Code> codes = store.calculateAll(Instant.now());
            Widgets.later(shownIn.getControl(), () -> shownIn.setInput(codes));
            device.show(NLS.bind(Messages.credentials_read, codes.size()));
        });
    }

    private void openCredentialsView() {
        openView(CREDENTIALS_VIEW);
    }
}
