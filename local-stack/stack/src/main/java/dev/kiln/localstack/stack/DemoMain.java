package dev.kiln.localstack.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code ./kiln-local demo}: one nightly build for amd64 and arm64, step by step. */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--data-dir")) {
            System.err.println("usage: DemoMain --data-dir DIR");
            System.exit(2);
        }
        NightlyDemo demo = new NightlyDemo(StackClient.of(Path.of(args[1])), System.out);
        JsonNode build = demo.run(List.of("amd64", "arm64"), List.of("qemu_uefi"), Duration.ofMinutes(5));
        demo.report(build);
        System.exit("succeeded".equals(build.path("state").asText()) ? 0 : 1);
    }
}
