package org.tokenbench.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Slot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokenbench readers [--json]}: the slots of the PC/SC transport, i.e. the smart-card readers connected now. */
@Command(name = "readers", description = "List the smart-card (PC/SC) readers, one name per line.")
final class ReadersCommand implements Callable<Integer> {

    static final String PCSC = "pcsc";

    private final CommandContext context;

    @Option(names = "--json", description = "One JSON object per reader: reader, cardPresent.")
    private boolean json;

    ReadersCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws TokenException {
        List<Slot> readers = DeviceAccess.transport(context.requireService(org.tokenbench.core.device.DeviceService.class), PCSC).slots();
        if (readers.isEmpty()) {
            context.err().println("no smart-card reader is connected (pcscd runs, but sees no reader): plug one in");
            return ExitCode.NEGATIVE;
        }
        for (Slot reader : readers) {
            context.out().println(json ? new Json().field("reader", reader.name()).field("cardPresent", reader.devicePresent()) : reader.name());
        }
        return ExitCode.OK;
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new ReadersCommand(context);
        }
    }
}
