package dev.kiln.cli;

import java.lang.reflect.Method;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Cheap stand-ins for the nouns and verbs a command line does not run (see {@link Kiln#commandLine(Cli, String...)}):
 * picocli reflects over every command it is given, and that reflection is most of the CLI's start-up.
 */
final class NounStandIns {

    private NounStandIns() {
    }

    /** The first argument that is not a root option or its value: the noun, or null. */
    static String nounIn(String... args) {
        int index = nounIndex(args);
        return index < 0 ? null : args[index];
    }

    /** The argument after the noun when it is a word (a verb, or a noun's own parameter); null otherwise. */
    static String verbIn(String... args) {
        int index = nounIndex(args);
        return index < 0 || index + 1 >= args.length || args[index + 1].startsWith("-") ? null : args[index + 1];
    }

    private static int nounIndex(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--context")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    static CommandSpec standIn(Class<?> noun) {
        return standIn(noun.getAnnotation(Command.class));
    }

    private static CommandSpec standIn(Command annotation) {
        CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage().description(annotation.description());
        return spec;
    }

    /**
     * The noun with only {@code verb} built in full and the noun's other verbs as stand-ins, or null when the noun
     * has no method verb of that name (then the caller builds the noun in full, and picocli's own errors and
     * suggestions apply). The noun's object is made by the factory but not inspected: picocli invokes a verb method
     * on its parent's object.
     */
    static CommandLine withOneVerb(Class<?> noun, String verb, IFactory factory) throws Exception {
        Method chosen = null;
        for (Method method : noun.getDeclaredMethods()) {
            Command command = method.getAnnotation(Command.class);
            if (command != null && (command.name().equals(verb) || java.util.List.of(command.aliases()).contains(verb))) {
                chosen = method;
            }
        }
        if (chosen == null) {
            return null;
        }
        Command annotation = noun.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(factory.create(noun)).name(annotation.name());
        spec.usageMessage().description(annotation.description());
        CommandLine nounLine = new CommandLine(spec, factory);
        for (Method method : noun.getDeclaredMethods()) {
            Command command = method.getAnnotation(Command.class);
            if (command != null) {
                nounLine.addSubcommand(command.name(), method.equals(chosen) ? new CommandLine(method, factory)
                        : new CommandLine(standIn(command)));
            }
        }
        return nounLine;
    }
}
