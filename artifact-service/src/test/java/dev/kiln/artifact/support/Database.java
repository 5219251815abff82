package dev.kiln.artifact.support;

import dev.kiln.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on the service's schema, for preparing and inspecting state the API does not expose. */
public final class Database {

    private Database() {
    }

    public static void execute(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public static List<String> column(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE),
                "postgres", "");
        c.createStatement().execute("set search_path to artifact_service");
        return c;
    }
}
