package dev.kiln.localstack.s3;

/**
 * Starts s3proxy with the given arguments ({@code --properties <file>}) and exits when the parent process
 * goes away, so that a killed launcher never leaves an S3 server behind.
 */
public final class S3ProxyMain {

    private S3ProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        org.gaul.s3proxy.Main.main(args);
    }
}
