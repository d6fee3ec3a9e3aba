package org.tokenbench.app.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.tokenbench.ui.DeviceStatusLine;

/**
 * The menus a workbench user expects (File › Exit; Window › Open Perspective, Show View, Reset Perspective,
 * Preferences) and the status bar's device line.
 */
final class TokenBenchActionBarAdvisor extends ActionBarAdvisor {

    TokenBenchActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        // our own words for these three (the org.tokenbench.nl.zh.* fragments translate the platform's other labels)
        register(labelled(ActionFactory.QUIT.create(window), Messages.actionExit));
        register(labelled(ActionFactory.RESET_PERSPECTIVE.create(window), Messages.actionResetPerspective));
        register(labelled(ActionFactory.PREFERENCES.create(window), Messages.actionPreferences));
    }

    private static IAction labelled(IAction action, String text) {
        action.setText(text);
        return action;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager(Messages.menuFile, "file");
        file.add(getAction(ActionFactory.QUIT.getId()));
        MenuManager windowMenu = new MenuManager(Messages.menuWindow, "window");
        MenuManager showView = new MenuManager(Messages.menuShowView, "showView");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        MenuManager openPerspective = new MenuManager(Messages.menuOpenPerspective, "openPerspective");
        openPerspective.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        windowMenu.add(openPerspective);
        windowMenu.add(showView);
        windowMenu.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
        windowMenu.add(new Separator());
        windowMenu.add(getAction(ActionFactory.PREFERENCES.getId()));
        menuBar.add(file);
        // the Token menu (org.tokenbench.ui's commands) goes here
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
    }

    @Override
    protected void fillStatusLine(IStatusLineManager statusLine) {
        statusLine.add(DeviceStatusLine.create());
    }
}
