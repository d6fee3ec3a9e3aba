package org.tokenbench.cli.internal;

import java.util.List;
import java.util.Set;

import org.osgi.framework.FrameworkUtil;

final class VersionCommand implements Command {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print TokenBench's version";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        Arguments.parse(args, Set.of(), Set.of());
        console.out().println(FrameworkUtil.getBundle(VersionCommand.class).getVersion());
        return ExitCode.OK;
    }
}
