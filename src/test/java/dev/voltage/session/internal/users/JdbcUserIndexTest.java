package dev.voltage.session.internal.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.UserSession;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.LogIds;
import dev.voltage.session.it.cluster.Postgres;
import dev.voltage.session.testing.FakeHttpSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The jdbc index's SQL against a real PostgreSQL (Debian's, started by the test). */
class JdbcUserIndexTest {

    @RegisterExtension
    static final Postgres POSTGRES = new Postgres(55433);

    private static final String TABLE = "test_user_sessions";

    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    ActiveConfiguration settings = new ActiveConfiguration();
    LogIds logIds = new LogIds(settings);
    JdbcUserIndex index;

    @BeforeEach
    void freshTable() throws SQLException {
        settings.use(SessionConfiguration.builder().secret("jdbc-test").build());
        dataSource.setUrl(POSTGRES.jdbcUrl());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE IF EXISTS " + TABLE);
        }
        index = new JdbcUserIndex(dataSource, TABLE, Duration.ofMillis(1), logIds, new SessionLifetime(settings));
        index.createTableIfMissing();
        index.createTableIfMissing(); // a second start finds it
    }

    @Test
    void aBoundSessionIsListedFollowsItsIdAndLeavesWhenItEnds() throws InterruptedException {
        FakeHttpSession session = new FakeHttpSession();
        index.bound(session, "ada");

        assertThat(index.of("ada")).extracting(UserSession::logId).containsExactly(logIds.of(session.getId()));

        String oldId = session.getId();
        session.changeId();
        index.renamed(oldId, session.getId());
        assertThat(index.of("ada")).extracting(UserSession::logId).containsExactly(logIds.of(session.getId()));

        index.ended(session.getId());
        assertThat(index.of("ada")).isEmpty();
    }

    @Test
    void bindingTwiceKeepsOneRow() {
        FakeHttpSession session = new FakeHttpSession();
        index.bound(session, "ada");
        index.bound(session, "bob");

        assertThat(index.of("ada")).isEmpty();
        assertThat(index.of("bob")).hasSize(1);
    }

    @Test
    void revokedSessionsAreSeenAfterTheRefreshAndNoLongerListed() throws InterruptedException {
        FakeHttpSession one = new FakeHttpSession();
        FakeHttpSession two = new FakeHttpSession();
        FakeHttpSession other = new FakeHttpSession();
        index.bound(one, "ada");
        index.bound(two, "ada");
        index.bound(other, "bob");

        assertThat(index.revoke("ada", logIds.of(one.getId()))).isTrue();
        assertThat(index.revoke("ada", logIds.of(one.getId()))).isFalse();
        assertThat(index.revoke("ada")).isEqualTo(1);
        Thread.sleep(5);

        assertThat(index.revoked(one.getId())).isTrue();
        assertThat(index.revoked(two.getId())).isTrue();
        assertThat(index.revoked(other.getId())).isFalse();
        assertThat(index.of("ada")).isEmpty();
        assertThat(index.of("bob")).hasSize(1);
    }

    @Test
    void rowsPastTheirDeadlineAreRemovedByTheNextRefresh() throws Exception {
        FakeHttpSession live = new FakeHttpSession();
        index.bound(live, "ada");
        long past = System.currentTimeMillis() - 3_600_000;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + TABLE + " VALUES ('dead', 'ada', 'deadserver', " + past + ", " + past
                    + ", " + past + ", 0)");
        }
        assertThat(index.of("ada")).hasSize(1);
        Thread.sleep(5);

        index.revoked(live.getId());

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void anAccessIsWrittenAtMostOncePerRefresh() throws InterruptedException {
        FakeHttpSession session = new FakeHttpSession();
        index.bound(session, "ada");
        var before = index.of("ada").get(0).lastAccessedAt();
        Thread.sleep(20);

        index.touched(session, "ada");

        assertThat(index.of("ada").get(0).lastAccessedAt()).isAfter(before);
    }
}
