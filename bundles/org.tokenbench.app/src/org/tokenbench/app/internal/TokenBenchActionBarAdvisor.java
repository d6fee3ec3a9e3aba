package org.tokenbench.app.internal;

import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/** The menus a workbench user expects: File › Exit, Window › Show View, Reset Perspective, Preferences. */
final class TokenBenchActionBarAdvisor extends ActionBarAdvisor {

    TokenBenchActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        register(ActionFactory.QUIT.create(window));
        register(ActionFactory.RESET_PERSPECTIVE.create(window));
        register(ActionFactory.PREFERENCES.create(window));
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager("&File", "file");
        file.add(getAction(ActionFactory.QUIT.getId()));
        MenuManager windowMenu = new MenuManager("&Window", "window");
        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(showView);
        windowMenu.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
        windowMenu.add(new Separator());
        windowMenu.add(getAction(ActionFactory.PREFERENCES.getId()));
        menuBar.add(file);
        menuBar.add(windowMenu);
    }
}
