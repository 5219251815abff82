package dev.kiln.cli.command;

import dev.kiln.cli.http.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A noun (build, version, cache, ...) run without a verb: show its verbs and exit as a usage error. */
abstract class Noun implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
