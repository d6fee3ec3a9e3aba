package org.tokenbench.cli.internal;

import java.util.List;
import java.util.Set;

import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.PcscReaders;

/** {@code tokenbench readers [--json]}: the PC/SC readers connected now. */
final class ReadersCommand implements Command {

    @Override
    public String name() {
        return "readers";
    }

    @Override
    public String summary() {
        return "list the smart-card readers (--json adds whether a card is present)";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, TokenException {
        boolean json = Arguments.parse(args, Set.of("json"), Set.of()).has("json");
        List<String> readers = PcscReaders.names();
        if (readers.isEmpty()) {
            console.err().println("no smart-card reader is connected (pcscd runs, but sees no reader): plug one in");
            return ExitCode.NEGATIVE;
        }
        for (String reader : readers) {
            console.out().println(json ? new Json().field("reader", reader).field("cardPresent", PcscReaders.isCardPresent(reader)) : reader);
        }
        return ExitCode.OK;
    }
}
