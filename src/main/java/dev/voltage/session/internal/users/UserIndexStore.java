package dev.voltage.session.internal.users;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.config.ConfigurationApplied;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.LogIds;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Chooses where the index of the sessions of a user lives ({@code voltage.session.users.store})
 * when the application starts: with {@code jdbc}, finds the data source and creates the table
 * when it is missing, or fails the deployment naming what is wrong.
 */
@ApplicationSingleton
public class UserIndexStore {

    private final LogIds logIds;
    private final SessionLifetime lifetime;
    private volatile SharedIndex shared = SharedIndex.NONE;

    /**
     * @param logIds turns ids into log ids
     * @param lifetime the sessions' deadlines
     */
    @Inject
    public UserIndexStore(LogIds logIds, SessionLifetime lifetime) {
        this.logIds = logIds;
        this.lifetime = lifetime;
    }

    void start(@Observes ConfigurationApplied applied) {
        SessionConfiguration configuration = applied.configuration();
        if (!SessionConfiguration.USERS_STORE_JDBC.equals(configuration.usersStore())) {
            shared = SharedIndex.NONE;
            return;
        }
        String name = configuration.usersDataSource();
        DataSource dataSource = lookUp(name);
        JdbcUserIndex index = new JdbcUserIndex(
                dataSource, configuration.usersTable(), configuration.usersRefresh(), logIds, lifetime);
        try {
            index.createTableIfMissing();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "voltage-session cannot start: the data source '" + name + "' ("
                            + SessionConfiguration.USERS_DATA_SOURCE + ") cannot create or read the table '"
                            + configuration.usersTable() + "' (" + SessionConfiguration.USERS_TABLE + "): "
                            + e.getMessage()
                            + ". Give the application a data source that may create tables, or create the table yourself.",
                    e);
        }
        shared = index;
    }

    private static DataSource lookUp(String name) {
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(
                    "voltage-session cannot start: the data source '" + name + "' ("
                            + SessionConfiguration.USERS_DATA_SOURCE + ", used by " + SessionConfiguration.USERS_STORE
                            + "=jdbc) cannot be found: " + e
                            + ". Set it to the JNDI name of a DataSource of the server, "
                            + "or use " + SessionConfiguration.USERS_STORE + "=memory.",
                    e);
        }
        if (found instanceof DataSource dataSource) {
            return dataSource;
        }
        throw new IllegalStateException("voltage-session cannot start: '" + name + "' ("
                + SessionConfiguration.USERS_DATA_SOURCE + ") names a "
                + found.getClass().getName()
                + ", not a javax.sql.DataSource.");
    }

    /**
     * Returns the shared part of the index.
     *
     * @return the {@code jdbc} index, or {@link SharedIndex#NONE} with the {@code memory} store
     */
    SharedIndex shared() {
        return shared;
    }
}
