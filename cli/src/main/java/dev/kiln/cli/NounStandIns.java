package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Cheap stand-ins for the nouns a command line does not run (see {@link Kiln#commandLine(Cli, String...)}). */
final class NounStandIns {

    private NounStandIns() {
    }

    /** The first argument that is not a root option or its value: the noun, or null. */
    static String nounIn(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--context")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    static CommandSpec standIn(Class<?> noun) {
        Command annotation = noun.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name());
        spec.usageMessage().description(annotation.description());
        return spec;
    }
}
