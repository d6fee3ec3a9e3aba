package org.tokenbench.cli.internal;

import java.util.concurrent.Callable;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;

import picocli.CommandLine.Command;

@Command(name = "version", description = "Print TokenBench's version.")
final class VersionCommand implements Callable<Integer> {

    private final CommandContext context;

    VersionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println(FrameworkUtil.getBundle(VersionCommand.class).getVersion());
        return ExitCode.OK;
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new VersionCommand(context);
        }
    }
}
