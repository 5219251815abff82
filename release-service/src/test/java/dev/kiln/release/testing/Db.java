package dev.kiln.release.testing;

import dev.kiln.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's schema straight from PostgreSQL: exact, without waiting on Kafka. */
public final class Db {

    private Db() {
    }

    /** {@code select count(*) from release_service.<table> where <where>} with the parameters in order. */
    public static int count(String table, String where, Object... params) {
        return ((Number) single("select count(*) from release_service." + table + " where " + where, params)).intValue();
    }

    /** Runs a statement on the service's schema, as an outside writer (or an earlier version of the service) would. */
    public static void execute(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payloads of the outbox events of a type and key, oldest first. */
    public static List<String> outbox(String eventType, String key) {
        List<String> out = new ArrayList<>();
        query("select payload from release_service.kiln_outbox where event_type = ? and event_key = ? order by occurred_at",
                r -> out.add(r.getString(1)), eventType, key);
        return out;
    }

    /** Rows that any refused request must leave unchanged. */
    public static List<Integer> footprint(String version) {
        return List.of(count("test_report", "version = ?", version), count("approval", "version = ?", version),
                count("release_transition", "version = ?", version), count("kiln_outbox", "event_key = ?", version));
    }

    private static Object single(String sql, Object... params) {
        Object[] result = new Object[1];
        query(sql, r -> result[0] = r.getObject(1), params);
        return result[0];
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(String sql, Row row, Object... params) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
