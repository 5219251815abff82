package dev.kiln.runner.execution.k8s;

/** The labels and annotations Kiln puts on its Jobs and their pods. */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_KILN = "kiln";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String BUILD = "kiln.dev/build";
    public static final String STEP = "kiln.dev/step";
    public static final String RUN = "kiln.dev/run";
    public static final String ATTEMPT = "kiln.dev/attempt";
    public static final String ARCH = "kiln.dev/arch";
    public static final String VENDOR = "kiln.dev/vendor";
    public static final String JOB = "kiln.dev/job";
    public static final String TAG_ANNOTATION = "kiln.dev/tag";

    private Labels() {
    }
}
