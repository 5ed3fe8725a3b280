package dev.voltage.session.internal.users;

import dev.voltage.session.UserSession;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.LogIds;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jdbc} index: one row per bound session in a table shared by the servers of a
 * cluster, through the application's {@code DataSource}, in SQL that H2, Derby and PostgreSQL all
 * run. A row is keyed by the SHA-256 of the session id (the table never holds a usable id).
 *
 * <p>The cost per request is bounded by {@code voltage.session.users.refresh}: each server reads
 * the revoked sessions once per interval (and then removes rows that outlived their deadline), and
 * writes a session's last access at most once per interval.
 */
final class JdbcUserIndex implements SharedIndex {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUserIndex.class);

    /** How much later than its recorded deadline a row is removed: the deadline is written at most once per refresh. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final String table;
    private final long refreshMillis;
    private final LogIds logIds;
    private final SessionLifetime lifetime;

    /**
     * When each session's row was last written, by session id: in this server's memory only, as
     * the container's own sessions are, so a request within the refresh interval computes no digest.
     */
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    private volatile Set<String> revokedKeys = Set.of();
    private volatile long revokedReadAt;

    /**
     * @param dataSource the application's data source
     * @param table the table's name, a checked SQL identifier
     * @param refresh how old what this server knows of the table may be
     * @param logIds turns ids into log ids
     * @param lifetime the sessions' deadlines
     */
    JdbcUserIndex(DataSource dataSource, String table, Duration refresh, LogIds logIds, SessionLifetime lifetime) {
        this.dataSource = dataSource;
        this.table = table;
        this.refreshMillis = refresh.toMillis();
        this.logIds = logIds;
        this.lifetime = lifetime;
    }

    /**
     * Creates the table when it is missing, and checks that it can be read.
     *
     * @throws SQLException if the database refuses
     */
    void createTableIfMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement probe = connection.createStatement()) {
                probe.executeQuery("SELECT session_key FROM " + table + " WHERE 1 = 0")
                        .close();
                return;
            } catch (SQLException missing) {
                rollbackQuietly(connection);
            }
            try (Statement create = connection.createStatement()) {
                create.executeUpdate("CREATE TABLE " + table + " (session_key VARCHAR(64) NOT NULL PRIMARY KEY, "
                        + "user_name VARCHAR(256) NOT NULL, log_id VARCHAR(256) NOT NULL, created_at BIGINT NOT NULL, "
                        + "last_accessed_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked SMALLINT NOT NULL)");
                create.executeUpdate("CREATE INDEX " + table + "_user ON " + table + " (user_name)");
            }
            try (Statement probe = connection.createStatement()) {
                probe.executeQuery("SELECT session_key FROM " + table + " WHERE 1 = 0")
                        .close();
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the probe's failure is what matters
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void bound(HttpSession session, String user) {
        String key = key(session.getId());
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE session_key = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                        + " (session_key, user_name, log_id, created_at, last_accessed_at, expires_at, revoked)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            delete.setString(1, key);
            delete.executeUpdate();
            insert.setString(1, key);
            insert.setString(2, user);
            insert.setString(3, logIds.of(session.getId()));
            insert.setLong(4, lifetime.createdAt(session).toEpochMilli());
            insert.setLong(5, now);
            insert.setLong(6, deadline(session));
            insert.executeUpdate();
            lastTouched.put(session.getId(), now);
        } catch (SQLException e) {
            throw failed("record the login of a session", e);
        }
    }

    @Override
    public void renamed(String oldId, String newId) {
        String oldKey = key(oldId);
        String newKey = key(newId);
        update(
                "follow a session's new id",
                "UPDATE " + table + " SET session_key = ?, log_id = ? WHERE session_key = ?",
                newKey,
                logIds.of(newId),
                oldKey);
        Long touched = lastTouched.remove(oldId);
        if (touched != null) {
            lastTouched.put(newId, touched);
        }
    }

    @Override
    public void ended(String sessionId) {
        lastTouched.remove(sessionId);
        String key = key(sessionId);
        try {
            update("remove an ended session", "DELETE FROM " + table + " WHERE session_key = ?", key);
        } catch (IllegalStateException e) {
            // a row left behind is removed once it is past its deadline
            LOG.warn("{}", e.getMessage());
        }
    }

    @Override
    public void touched(HttpSession session, String user) {
        String id = session.getId();
        long now = System.currentTimeMillis();
        Long last = lastTouched.get(id);
        if (last != null && now - last < refreshMillis) {
            return; // the common case: no digest, no statement
        }
        lastTouched.put(id, now);
        String key = key(id);
        try {
            int rows = update(
                    "record a session's access",
                    "UPDATE " + table + " SET last_accessed_at = ?, expires_at = ? WHERE session_key = ?",
                    now,
                    deadline(session),
                    key);
            if (rows == 0 && !revoked(session.getId())) {
                bound(session, user);
            }
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    @Override
    public boolean revoked(String sessionId) {
        long now = System.currentTimeMillis();
        if (now - revokedReadAt >= refreshMillis) {
            readRevoked(now);
        }
        Set<String> keys = revokedKeys;
        return !keys.isEmpty() && keys.contains(key(sessionId));
    }

    private synchronized void readRevoked(long now) {
        if (now - revokedReadAt < refreshMillis) {
            return; // another request read them meanwhile
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement cleanup =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?");
                PreparedStatement select =
                        connection.prepareStatement("SELECT session_key FROM " + table + " WHERE revoked = 1")) {
            cleanup.setLong(1, now - GRACE.toMillis());
            cleanup.executeUpdate();
            Set<String> keys = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            revokedKeys = Set.copyOf(keys);
        } catch (SQLException e) {
            LOG.warn("{}", failed("read the revoked sessions", e).getMessage());
        } finally {
            revokedReadAt = now;
        }
    }

    @Override
    public List<UserSession> of(String user) {
        List<UserSession> sessions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT log_id, created_at, last_accessed_at FROM " + table
                                + " WHERE user_name = ? AND revoked = 0 AND expires_at >= ?")) {
            select.setString(1, user);
            select.setLong(2, System.currentTimeMillis() - GRACE.toMillis());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sessions.add(new UserSession(
                            user,
                            rows.getString(1),
                            Instant.ofEpochMilli(rows.getLong(2)),
                            Instant.ofEpochMilli(rows.getLong(3))));
                }
            }
        } catch (SQLException e) {
            throw failed("list the sessions of a user", e);
        }
        return sessions;
    }

    @Override
    public int revoke(String user) {
        return update(
                "revoke the sessions of a user",
                "UPDATE " + table + " SET revoked = 1 WHERE user_name = ? AND revoked = 0",
                user);
    }

    @Override
    public boolean revoke(String user, String logId) {
        return update(
                        "revoke a session",
                        "UPDATE " + table + " SET revoked = 1 WHERE user_name = ? AND log_id = ? AND revoked = 0",
                        user,
                        logId)
                > 0;
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private long deadline(HttpSession session) {
        return lifetime.expiresAt(session).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(
                "voltage-session could not " + what + " in the table '" + table
                        + "' (voltage.session.users.store=jdbc): " + e.getMessage(),
                e);
    }

    /** The row key of a session: the SHA-256 of its id, so the table holds no usable session id. */
    static String key(String sessionId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
