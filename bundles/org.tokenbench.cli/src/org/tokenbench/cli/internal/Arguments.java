package org.tokenbench.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: {@code --name value}, {@code --name=value}, switches such as {@code --json}, and
 * positional words. Each command names its switches and options up front, so a misspelt option is an error
 * instead of being ignored or swallowing the next word as its value.
 */
public final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> switches = new HashSet<>();
    private final List<String> positionals = new ArrayList<>();
    private Arguments() {
    }

    /**
     * @param args          the words after the command name
     * @param knownSwitches option names (without dashes) that take no value
     * @param knownOptions  option names (without dashes) that take a value
     */
    public static Arguments parse(List<String> args, Set<String> knownSwitches, Set<String> knownOptions)
            throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                parsed.positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!word.startsWith("--") || word.length() == 2) {
                parsed.positionals.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (knownSwitches.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                parsed.switches.add(name);
                continue;
            }
            if (!knownOptions.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (parsed.options.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return parsed;
    }

    public boolean has(String switchName) {
        return switches.contains(switchName);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) throws UsageException {
        return option(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    /** The option names of two groups together (a command's own and shared ones such as the credential options). */
    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }
}
