package dev.kiln.version.support;

import dev.kiln.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts what the service wrote to its outbox, straight from PostgreSQL: exact, without waiting on Kafka. */
public final class OutboxRows {

    private OutboxRows() {
    }

    public static int count(String eventType, String key) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
                PreparedStatement s = c.prepareStatement("select count(*) from version_service.kiln_outbox where event_type = ? and event_key = ?")) {
            s.setString(1, eventType);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
