package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.Command;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.install.DriverInstaller;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.TestBundles;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.InstallDriverDialog;
import org.tokenbench.ui.tests.driver.UiTestDriver;

/** Help › Install Driver… in the real workbench: a vendor's driver jar goes in, shows in the Drivers view, and goes. */
class InstallDriverDialogTest {

    private static final String DRIVER = "com.example.uitestdriver";
    private static final String FAMILY_NAME = "Example Corp UI test token";

    @TempDir
    Path work;

    @Test
    void helpMenuOffersInstallDriver() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Command command = window.getService(ICommandService.class).getCommand(TokenBenchCommands.INSTALL_DRIVER);
        assertTrue(command.isDefined() && command.isHandled(), "the command and its handler are declared");
        Menu help = Arrays.stream(window.getShell().getMenuBar().getItems())
                .filter(item -> item.getText().replace("&", "").equals("Help")).findFirst()
                .orElseThrow(() -> new AssertionError("no Help menu: " + Arrays.toString(window.getShell().getMenuBar().getItems())))
                .getMenu();
        help.notifyListeners(SWT.Show, new Event());
        assertTrue(Arrays.stream(help.getItems()).map(MenuItem::getText).anyMatch(text -> text.startsWith("Install Driver")),
                Arrays.toString(help.getItems()));
        help.notifyListeners(SWT.Hide, new Event());
    }

    @Test
    void aDriverJarInstalledThroughTheDialogAppearsInTheDriversViewAndGoesWhenRemoved() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(DriversView.ID);
        Table drivers = WidgetFinder.find(page.getWorkbenchWindow().getShell(), "drivers.installed", Table.class);
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        Path jar = driverJar();
        Shell shell = page.getWorkbenchWindow().getShell();
        InstallDriverDialog dialog = new InstallDriverDialog(shell, installer);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.enterSource(jar.toString());
            assertEquals("Will install " + DRIVER + ", version 1.0.0, from Example Corp.", dialog.detailsText());
            Screenshots.save(dialog.getShell(), 0, 0, "install-driver-dialog.png");

            dialog.pressInstall();
            DisplayWait.until(() -> !dialog.isBusy(), 30, dialog::statusText);
            assertTrue(dialog.statusText().startsWith("Installed " + DRIVER + " 1.0.0"), dialog.statusText());
            assertEquals(List.of(DRIVER), dialog.addedNames());
            DisplayWait.until(() -> DriversViewTest.deviceFamilies(drivers).contains(FAMILY_NAME), 10, () -> DriversViewTest.deviceFamilies(drivers).toString());

            dialog.pressRemove(DRIVER);
            DisplayWait.until(() -> !dialog.isBusy(), 30, dialog::statusText);
            assertEquals("Removed " + DRIVER + ".", dialog.statusText());
            assertTrue(dialog.addedNames().isEmpty(), dialog.addedNames().toString());
            DisplayWait.until(() -> !DriversViewTest.deviceFamilies(drivers).contains(FAMILY_NAME), 10, () -> DriversViewTest.deviceFamilies(drivers).toString());
            assertFalse(Files.exists(installer.folder().resolve(DRIVER + ".jar")));
        } finally {
            dialog.close();
            for (DriverInstaller.AddedBundle added : installer.added()) {
                installer.remove(added.symbolicName());
            }
        }
    }

    /** A vendor's driver jar as its build would make it: the driver class, its DS component and its descriptor. */
    private Path driverJar() throws IOException {
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" immediate="true">
                  <implementation class="%s"/>
                  <service><provide interface="org.tokenbench.core.driver.TokenDriver"/></service>
                </scr:component>
                """.formatted(DRIVER, UiTestDriver.class.getName());
        String descriptor = """
                id = %s
                vendor = Example Corp
                name = %s
                features = DeviceDetails
                families = uitest
                uitest.name = %s
                uitest.reader = No Such Reader*
                """.formatted(DRIVER, FAMILY_NAME, FAMILY_NAME);
        return TestBundles.jar(work, DRIVER,
                Map.of("Bundle-Vendor", "Example Corp", "Service-Component", "OSGI-INF/driver.xml", "Import-Package",
                        "org.tokenbench.core;version=\"[0.2.0,1.0.0)\",org.tokenbench.core.driver;version=\"[0.2.0,1.0.0)\","
                                + "org.tokenbench.testing;version=\"[0.2.0,1.0.0)\""),
                Map.of("OSGI-INF/driver.xml", component, DriverDescriptor.DEFAULT_RESOURCE, descriptor), List.of(UiTestDriver.class));
    }
}
