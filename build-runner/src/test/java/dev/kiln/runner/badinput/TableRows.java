package dev.kiln.runner.badinput;

import dev.kiln.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The number of rows in every table of a schema, read straight from PostgreSQL: "nothing changed" made exact. */
final class TableRows {

    private TableRows() {
    }

    static Map<String, Long> of(String schema) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = '" + schema
                    + "' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' and table_name <> 'kiln_inbox'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select count(*) from " + schema + "." + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
