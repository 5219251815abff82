package dev.kiln.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionDeepInTheCauseChainIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:15432 refused.", "08001");
        SQLException pool = new SQLException("Acquisition timeout while waiting for new connection", refused);

        assertThat(DatabaseOutage.caused(new PersistenceException("could not open", pool))).isTrue();
    }

    @Test
    void aBrokenPooledConnectionAndAServerShuttingDownAreOutages() {
        assertThat(DatabaseOutage.caused(new JDBCConnectionException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.caused(new RuntimeException(new SQLException("terminating connection due to "
                + "administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.caused(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNoOutage() {
        assertThat(DatabaseOutage.caused(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "kiln_outbox_event_id_key")))
                .isFalse();
        assertThat(DatabaseOutage.caused(new IllegalStateException("a bug"))).isFalse();
    }
}
