package dev.kiln.testing.badinput;

import dev.kiln.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every table of a schema as its row count and a checksum of its rows, read straight from PostgreSQL: "nothing
 * changed" made exact (an insert, an update and a delete all show). Tables that other work writes in the
 * background are compared by count only, or left out.
 */
public final class DatabaseState {

    private DatabaseState() {
    }

    /**
     * {@code table -> "rows=N md5=..."} for every table of {@code schema} but {@code ignored}; a table in
     * {@code countOnly} is {@code "rows=N"}.
     */
    public static Map<String, String> of(String schema, Set<String> countOnly, Set<String> ignored) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE),
                "postgres", ""); Statement s = c.createStatement()) {
            Map<String, String> state = new TreeMap<>();
            for (String table : tables(s, schema)) {
                if (ignored.contains(table)) {
                    continue;
                }
                state.put(table, countOnly.contains(table) ? count(s, schema + "." + table)
                        : checksum(s, schema + "." + table));
            }
            return state;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Statement s, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = '"
                + schema + "' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    private static String count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
            r.next();
            return "rows=" + r.getLong(1);
        }
    }

    private static String checksum(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), ',' order by md5(t::text))), '-') from "
                + table + " t")) {
            r.next();
            return "rows=" + r.getLong(1) + " md5=" + r.getString(2);
        }
    }
}
