package dev.kiln.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Hands the {@link Cli} to every command that takes one in its constructor; picocli builds the rest. */
final class CliFactory implements CommandLine.IFactory {

    private final Cli cli;

    CliFactory(Cli cli) {
        this.cli = cli;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Cli.class);
            return constructor.newInstance(cli);
        } catch (NoSuchMethodException noCliConstructor) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
