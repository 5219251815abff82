package dev.kiln.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service under test real PostgreSQL and Kafka (and S3 with init arg {@code s3=true}). Sets the
 * datasource, {@code kafka.bootstrap.servers}, and {@code kiln.test.s3.*} for the S3 client to use.
 */
public class KilnServicesResource implements QuarkusTestResourceLifecycleManager {

    private boolean withS3;

    @Override
    public void init(Map<String, String> initArgs) {
        withS3 = Boolean.parseBoolean(initArgs.getOrDefault("s3", "false"));
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted(withS3);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        if (withS3) {
            config.put("kiln.test.s3.endpoint", TestInfrastructure.s3().endpoint());
            config.put("kiln.test.s3.host", "127.0.0.1");
            config.put("kiln.test.s3.port", Integer.toString(TestInfrastructure.s3().port()));
            config.put("kiln.test.s3.access-key", TestInfrastructure.S3_ACCESS_KEY);
            config.put("kiln.test.s3.secret-key", TestInfrastructure.S3_SECRET_KEY);
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers outlive Quarkus restarts between test profiles; TestInfrastructure stops them at JVM exit
    }
}
