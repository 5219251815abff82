package dev.kiln.version.persistence;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.version.domain.AllocationBusyException;
import dev.kiln.version.domain.AllocationLock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One allocation at a time per scripts remote: first a fair lock in this process (so waiting threads hold
 * no database connection), then a PostgreSQL session advisory lock keyed by the remote URL, which
 * serialises replicas and is released by PostgreSQL if this process dies.
 */
@ApplicationScoped
public class PostgresAllocationLock implements AllocationLock {

    private static final Logger LOG = Logger.getLogger(PostgresAllocationLock.class);
    private static final String QUERY_CANCELED = "57014";

    private final AgroalDataSource dataSource;
    private final Duration timeout;
    private final long key;
    private final ReentrantLock local = new ReentrantLock(true);

    public PostgresAllocationLock(AgroalDataSource dataSource, VersionConfig config) {
        this.dataSource = dataSource;
        this.timeout = config.lockTimeout();
        this.key = UUID.nameUUIDFromBytes(("kiln.version.allocation:" + config.scriptsRepoUrl()).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    @Override
    public <T> T exclusively(Supplier<T> work) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lockLocally();
        try (Connection connection = dataSource.getConnection()) {
            lockInDatabase(connection, deadline);
            try {
                return work.get();
            } finally {
                unlockInDatabase(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the allocation lock failed: " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private void lockLocally() {
        try {
            if (!local.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AllocationBusyException("other allocations in this replica held the allocation lock for " + timeout.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AllocationBusyException("interrupted while waiting for the allocation lock");
        }
    }

    private void lockInDatabase(Connection connection, long deadline) throws SQLException {
        int seconds = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.setQueryTimeout(seconds);
            lock.execute();
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw new AllocationBusyException("another replica held the allocation lock for " + timeout.toSeconds() + "s");
            }
            throw e;
        }
    }

    /** A session lock that cannot be released must not go back to the pool with the connection. */
    private void unlockInDatabase(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException e) {
            LOG.errorf(e, "cannot release the allocation lock; discarding its connection");
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException abort) {
                LOG.errorf(abort, "cannot discard the connection holding the allocation lock");
            }
        }
    }
}
