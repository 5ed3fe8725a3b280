package dev.voltage.session;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the library and the container's sessions behave: cookie, timeouts, logging, checks and the
 * index of the sessions of a user.
 *
 * <p>By default it is read from MicroProfile Config (or, without it, from servlet context init
 * parameters) under the property names below. An application that builds it from other beans
 * instead (a secret from a vault, say) produces one, and that one wins:
 *
 * <pre>
 * &#64;Produces
 * SessionConfiguration sessionConfiguration(Vault vault) {
 *     return SessionConfiguration.builder()
 *             .secret(vault.secret("session"))
 *             .cookieMaxAge(7 * 24 * 3600)
 *             .build();
 * }
 * </pre>
 *
 * <p>The producer is called once, when the application starts. Instances are immutable (and the
 * class is final, so a producer of it has no normal scope). {@link Builder#build()} checks every
 * value as deployment does: a bad value fails with an {@link IllegalArgumentException} that names
 * the property, the value and what is allowed. Settings that weaken security ({@code secure}
 * off, {@code cookie.http-only} off, {@code cookie.same-site=None}, {@code log.id=raw}, no
 * {@code secret}) are allowed, and the deployment logs a warning for each.
 */
public final class SessionConfiguration {

    /** The property prefix: {@value}. */
    public static final String PREFIX = "voltage.session.";
    /** Property {@value}: the key of the log fingerprint (HMAC-SHA-256); when unset, a random one per server. */
    public static final String SECRET = PREFIX + "secret";
    /** Property {@value}: whether the cookie is {@code Secure}. */
    public static final String SECURE = PREFIX + "secure";
    /** Property {@value}: whether every request gets a session (and a cookie) at its start. */
    public static final String SAVE_UNINITIALIZED = PREFIX + "save-uninitialized";
    /** Property {@value}: whether every attribute is set again at the end of each request. */
    public static final String RESAVE = PREFIX + "resave";
    /** Property {@value}: whether each response of a request with a session sends the cookie again. */
    public static final String ROLLING = PREFIX + "rolling";
    /** Property {@value}: the inactivity timeout, seconds ({@code 1800}) or ISO-8601 ({@code PT30M}); when unset, the container's. */
    public static final String TIMEOUT = PREFIX + "timeout";
    /** Property {@value}: how long a session lives at most from its creation, however active, seconds or ISO-8601; when unset, no limit. */
    public static final String ABSOLUTE_TIMEOUT = PREFIX + "absolute-timeout";
    /** Property {@value}: the cookie's name, an RFC 6265 token; when unset, the container's ({@code JSESSIONID}). */
    public static final String COOKIE_NAME = PREFIX + "cookie.name";
    /** Property {@value}: the cookie's path, starting with {@code /}; when unset, the container's (the context path). */
    public static final String COOKIE_PATH = PREFIX + "cookie.path";
    /** Property {@value}: the cookie's domain; when unset, the container's (none: the host only). */
    public static final String COOKIE_DOMAIN = PREFIX + "cookie.domain";
    /** Property {@value}: the cookie's {@code Max-Age} in seconds, {@code -1} for a browser session. */
    public static final String COOKIE_MAX_AGE = PREFIX + "cookie.max-age";
    /** Property {@value}: whether the cookie is {@code HttpOnly}. */
    public static final String COOKIE_HTTP_ONLY = PREFIX + "cookie.http-only";
    /** Property {@value}: the cookie's {@code SameSite}, {@code Strict}, {@code Lax} or {@code None}, in any case. */
    public static final String COOKIE_SAME_SITE = PREFIX + "cookie.same-site";
    /** Property {@value}: whether values must be {@code Serializable}. */
    public static final String REQUIRE_SERIALIZABLE = PREFIX + "require-serializable";
    /** Property {@value}: the MDC key of the session's log id. */
    public static final String LOG_MDC_KEY = PREFIX + "log.mdc-key";
    /** Property {@value}: what the log id is, {@value #LOG_ID_FINGERPRINT}, {@value #LOG_ID_RAW} or {@value #LOG_ID_NONE}. */
    public static final String LOG_ID = PREFIX + "log.id";
    /** Property {@value}: where the index of the sessions of a user lives, {@value #USERS_STORE_MEMORY} or {@value #USERS_STORE_JDBC}. */
    public static final String USERS_STORE = PREFIX + "users.store";
    /** Property {@value}: the JNDI name of the {@code DataSource} of the {@value #USERS_STORE_JDBC} index. */
    public static final String USERS_DATA_SOURCE = PREFIX + "users.datasource";
    /** Property {@value}: the table of the {@value #USERS_STORE_JDBC} index, an SQL identifier. */
    public static final String USERS_TABLE = PREFIX + "users.table";
    /** Property {@value}: how old what a server knows of a shared index may be, seconds or ISO-8601. */
    public static final String USERS_REFRESH = PREFIX + "users.refresh";
    /**
     * Property {@value}: how long an operation that takes a session's lock ({@code update},
     * {@code delete}, {@code regenerate}, a scope's {@code update}, {@code data(next)} and
     * {@code reset}) waits for it before it throws an {@code IllegalStateException}, seconds or
     * ISO-8601.
     */
    public static final String LOCK_TIMEOUT = PREFIX + "lock-timeout";

    /** The log id is the fingerprint of the session id: {@value}. */
    public static final String LOG_ID_FINGERPRINT = "fingerprint";
    /** The log id is the raw session id: {@value}. */
    public static final String LOG_ID_RAW = "raw";
    /** No log id goes into the MDC: {@value}. */
    public static final String LOG_ID_NONE = "none";
    /** The index of the sessions of a user is this server's memory: {@value}. */
    public static final String USERS_STORE_MEMORY = "memory";
    /** The index of the sessions of a user is a database table shared by the servers: {@value}. */
    public static final String USERS_STORE_JDBC = "jdbc";

    /** The default of {@link #SECURE}: {@value} (the properties' reader turns it off under the {@code dev} and {@code test} profiles). */
    public static final boolean DEFAULT_SECURE = true;
    /** The default of {@link #SAVE_UNINITIALIZED}: {@value}. */
    public static final boolean DEFAULT_SAVE_UNINITIALIZED = false;
    /** The default of {@link #RESAVE}: {@value}. */
    public static final boolean DEFAULT_RESAVE = false;
    /** The default of {@link #ROLLING}: {@value}. */
    public static final boolean DEFAULT_ROLLING = false;
    /** The default of {@link #COOKIE_MAX_AGE}: {@value}, a browser-session cookie. */
    public static final int DEFAULT_COOKIE_MAX_AGE = -1;
    /** The default of {@link #COOKIE_HTTP_ONLY}: {@value}. */
    public static final boolean DEFAULT_COOKIE_HTTP_ONLY = true;
    /** The default of {@link #COOKIE_SAME_SITE}: {@value}. */
    public static final String DEFAULT_COOKIE_SAME_SITE = "Lax";
    /** The default of {@link #REQUIRE_SERIALIZABLE}: {@value}. */
    public static final boolean DEFAULT_REQUIRE_SERIALIZABLE = true;
    /** The default of {@link #LOG_MDC_KEY}: {@value}. */
    public static final String DEFAULT_LOG_MDC_KEY = "sessionId";
    /** The default of {@link #LOG_ID}: {@value}. */
    public static final String DEFAULT_LOG_ID = LOG_ID_FINGERPRINT;
    /** The default of {@link #USERS_STORE}: {@value}. */
    public static final String DEFAULT_USERS_STORE = USERS_STORE_MEMORY;
    /** The default of {@link #USERS_DATA_SOURCE}: {@value}, the application server's default data source. */
    public static final String DEFAULT_USERS_DATA_SOURCE = "java:comp/DefaultDataSource";
    /** The default of {@link #USERS_TABLE}: {@value}. */
    public static final String DEFAULT_USERS_TABLE = "voltage_user_sessions";
    /** The default of {@link #USERS_REFRESH}, ISO-8601: {@value}. */
    public static final String DEFAULT_USERS_REFRESH = "PT1S";
    /** The default of {@link #LOCK_TIMEOUT}, ISO-8601: {@value}. */
    public static final String DEFAULT_LOCK_TIMEOUT = "PT10S";

    private static final String HOST_PREFIX = "__Host-";
    private static final String SECURE_PREFIX = "__Secure-";
    private static final Pattern COOKIE_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final Pattern MDC_KEY = Pattern.compile("\\S+");
    /** A regular SQL identifier, short enough that no database truncates it (PostgreSQL keeps 63 bytes). */
    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final String secret;
    private final boolean secure;
    private final boolean saveUninitialized;
    private final boolean resave;
    private final boolean rolling;
    private final Duration timeout;
    private final Duration absoluteTimeout;
    private final String cookieName;
    private final String cookiePath;
    private final String cookieDomain;
    private final int cookieMaxAge;
    private final boolean cookieHttpOnly;
    private final String cookieSameSite;
    private final boolean requireSerializable;
    private final String logMdcKey;
    private final String logId;
    private final String usersStore;
    private final String usersDataSource;
    private final String usersTable;
    private final Duration usersRefresh;
    private final Duration lockTimeout;

    private SessionConfiguration(Builder builder) {
        this.secret = builder.secret;
        this.secure = builder.secure;
        this.saveUninitialized = builder.saveUninitialized;
        this.resave = builder.resave;
        this.rolling = builder.rolling;
        this.timeout = builder.timeout;
        this.absoluteTimeout = builder.absoluteTimeout;
        this.cookieName = builder.cookieName;
        this.cookiePath = builder.cookiePath;
        this.cookieDomain = builder.cookieDomain;
        this.cookieMaxAge = builder.cookieMaxAge;
        this.cookieHttpOnly = builder.cookieHttpOnly;
        this.cookieSameSite = builder.cookieSameSite;
        this.requireSerializable = builder.requireSerializable;
        this.logMdcKey = builder.logMdcKey;
        this.logId = builder.logId;
        this.usersStore = builder.usersStore;
        this.usersDataSource = builder.usersDataSource;
        this.usersTable = builder.usersTable;
        this.usersRefresh = builder.usersRefresh;
        this.lockTimeout = builder.lockTimeout;
    }

    /**
     * Returns the configuration with every default (and {@code secure} on).
     *
     * @return the defaults
     */
    public static SessionConfiguration defaults() {
        return builder().build();
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder from this configuration, to change some values of it.
     *
     * @return a builder holding this configuration's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the key of the log fingerprint, or {@code null} for a random one per server} Property {@value #SECRET}. */
    public String secret() {
        return secret;
    }

    /** {@return whether the cookie is {@code Secure}} Property {@value #SECURE}, default {@value #DEFAULT_SECURE}. */
    public boolean secure() {
        return secure;
    }

    /** {@return whether every request gets a session at its start} Property {@value #SAVE_UNINITIALIZED}, default {@value #DEFAULT_SAVE_UNINITIALIZED}. */
    public boolean saveUninitialized() {
        return saveUninitialized;
    }

    /** {@return whether every attribute is set again at the end of each request} Property {@value #RESAVE}, default {@value #DEFAULT_RESAVE}. */
    public boolean resave() {
        return resave;
    }

    /** {@return whether each response of a request with a session sends the cookie again} Property {@value #ROLLING}, default {@value #DEFAULT_ROLLING}. */
    public boolean rolling() {
        return rolling;
    }

    /** {@return the inactivity timeout, or {@code null} to keep the container's} Property {@value #TIMEOUT}. */
    public Duration timeout() {
        return timeout;
    }

    /** {@return how long a session lives at most from its creation, or {@code null} for no limit} Property {@value #ABSOLUTE_TIMEOUT}. */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /** {@return the cookie's name, or {@code null} to keep the container's} Property {@value #COOKIE_NAME}. */
    public String cookieName() {
        return cookieName;
    }

    /** {@return the cookie's path, or {@code null} to keep the container's} Property {@value #COOKIE_PATH}. */
    public String cookiePath() {
        return cookiePath;
    }

    /** {@return the cookie's domain, or {@code null} to keep the container's} Property {@value #COOKIE_DOMAIN}. */
    public String cookieDomain() {
        return cookieDomain;
    }

    /** {@return the cookie's {@code Max-Age} in seconds, {@code -1} for a browser session} Property {@value #COOKIE_MAX_AGE}, default {@value #DEFAULT_COOKIE_MAX_AGE}. */
    public int cookieMaxAge() {
        return cookieMaxAge;
    }

    /** {@return whether the cookie is {@code HttpOnly}} Property {@value #COOKIE_HTTP_ONLY}, default {@value #DEFAULT_COOKIE_HTTP_ONLY}. */
    public boolean cookieHttpOnly() {
        return cookieHttpOnly;
    }

    /** {@return the cookie's {@code SameSite}: {@code Strict}, {@code Lax} or {@code None}} Property {@value #COOKIE_SAME_SITE}, default {@value #DEFAULT_COOKIE_SAME_SITE}. */
    public String cookieSameSite() {
        return cookieSameSite;
    }

    /** {@return whether session values must be {@code Serializable}} Property {@value #REQUIRE_SERIALIZABLE}, default {@value #DEFAULT_REQUIRE_SERIALIZABLE}. */
    public boolean requireSerializable() {
        return requireSerializable;
    }

    /** {@return the MDC key of the session's log id} Property {@value #LOG_MDC_KEY}, default {@value #DEFAULT_LOG_MDC_KEY}. */
    public String logMdcKey() {
        return logMdcKey;
    }

    /** {@return what the log id is: {@value #LOG_ID_FINGERPRINT}, {@value #LOG_ID_RAW} or {@value #LOG_ID_NONE}} Property {@value #LOG_ID}, default {@value #DEFAULT_LOG_ID}. */
    public String logId() {
        return logId;
    }

    /** {@return where the index of the sessions of a user lives: {@value #USERS_STORE_MEMORY} or {@value #USERS_STORE_JDBC}} Property {@value #USERS_STORE}, default {@value #DEFAULT_USERS_STORE}. */
    public String usersStore() {
        return usersStore;
    }

    /** {@return the JNDI name of the {@code DataSource} of the {@value #USERS_STORE_JDBC} index} Property {@value #USERS_DATA_SOURCE}, default {@value #DEFAULT_USERS_DATA_SOURCE}. */
    public String usersDataSource() {
        return usersDataSource;
    }

    /** {@return the table of the {@value #USERS_STORE_JDBC} index} Property {@value #USERS_TABLE}, default {@value #DEFAULT_USERS_TABLE}. */
    public String usersTable() {
        return usersTable;
    }

    /** {@return how old what a server knows of a shared index may be} Property {@value #USERS_REFRESH}, default {@value #DEFAULT_USERS_REFRESH}. */
    public Duration usersRefresh() {
        return usersRefresh;
    }

    /** {@return how long an operation waits for its session's lock} Property {@value #LOCK_TIMEOUT}, default {@value #DEFAULT_LOCK_TIMEOUT}. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /**
     * Describes the configuration, with the secret hidden.
     *
     * @return the values by property name
     */
    @Override
    public String toString() {
        return "SessionConfiguration[secret=" + (secret == null ? "random" : "***") + ", secure=" + secure
                + ", saveUninitialized=" + saveUninitialized + ", resave=" + resave + ", rolling=" + rolling
                + ", timeout=" + timeout + ", absoluteTimeout=" + absoluteTimeout + ", cookieName=" + cookieName
                + ", cookiePath=" + cookiePath + ", cookieDomain=" + cookieDomain + ", cookieMaxAge=" + cookieMaxAge
                + ", cookieHttpOnly=" + cookieHttpOnly + ", cookieSameSite=" + cookieSameSite
                + ", requireSerializable=" + requireSerializable + ", logMdcKey=" + logMdcKey + ", logId=" + logId
                + ", usersStore=" + usersStore + ", usersDataSource=" + usersDataSource + ", usersTable=" + usersTable
                + ", usersRefresh=" + usersRefresh + ", lockTimeout=" + lockTimeout + "]";
    }

    /**
     * Builds a {@link SessionConfiguration}; starts from the defaults, each setter returns the
     * builder, and {@link #build()} checks every value.
     */
    public static final class Builder {

        private String secret;
        private boolean secure = DEFAULT_SECURE;
        private boolean saveUninitialized = DEFAULT_SAVE_UNINITIALIZED;
        private boolean resave = DEFAULT_RESAVE;
        private boolean rolling = DEFAULT_ROLLING;
        private Duration timeout;
        private Duration absoluteTimeout;
        private String cookieName;
        private String cookiePath;
        private String cookieDomain;
        private int cookieMaxAge = DEFAULT_COOKIE_MAX_AGE;
        private boolean cookieHttpOnly = DEFAULT_COOKIE_HTTP_ONLY;
        private String cookieSameSite = DEFAULT_COOKIE_SAME_SITE;
        private boolean requireSerializable = DEFAULT_REQUIRE_SERIALIZABLE;
        private String logMdcKey = DEFAULT_LOG_MDC_KEY;
        private String logId = DEFAULT_LOG_ID;
        private String usersStore = DEFAULT_USERS_STORE;
        private String usersDataSource = DEFAULT_USERS_DATA_SOURCE;
        private String usersTable = DEFAULT_USERS_TABLE;
        private Duration usersRefresh = Duration.parse(DEFAULT_USERS_REFRESH);
        private Duration lockTimeout = Duration.parse(DEFAULT_LOCK_TIMEOUT);

        private Builder() {}

        private Builder(SessionConfiguration from) {
            secret = from.secret;
            secure = from.secure;
            saveUninitialized = from.saveUninitialized;
            resave = from.resave;
            rolling = from.rolling;
            timeout = from.timeout;
            absoluteTimeout = from.absoluteTimeout;
            cookieName = from.cookieName;
            cookiePath = from.cookiePath;
            cookieDomain = from.cookieDomain;
            cookieMaxAge = from.cookieMaxAge;
            cookieHttpOnly = from.cookieHttpOnly;
            cookieSameSite = from.cookieSameSite;
            requireSerializable = from.requireSerializable;
            logMdcKey = from.logMdcKey;
            logId = from.logId;
            usersStore = from.usersStore;
            usersDataSource = from.usersDataSource;
            usersTable = from.usersTable;
            usersRefresh = from.usersRefresh;
            lockTimeout = from.lockTimeout;
        }

        /**
         * Sets the key of the log fingerprint ({@value #SECRET}).
         *
         * @param secret a long random string shared by the servers; {@code null} for a random one per server
         * @return this builder
         */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * Sets whether the cookie is {@code Secure} ({@value #SECURE}).
         *
         * @param secure whether the cookie is {@code Secure}
         * @return this builder
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * Sets whether every request gets a session (and a cookie) at its start ({@value #SAVE_UNINITIALIZED}).
         *
         * @param saveUninitialized whether every request gets a session at its start
         * @return this builder
         */
        public Builder saveUninitialized(boolean saveUninitialized) {
            this.saveUninitialized = saveUninitialized;
            return this;
        }

        /**
         * Sets whether every attribute is set again at the end of each request ({@value #RESAVE}).
         *
         * @param resave whether every attribute is set again at the end of each request
         * @return this builder
         */
        public Builder resave(boolean resave) {
            this.resave = resave;
            return this;
        }

        /**
         * Sets whether each response of a request with a session sends the cookie again ({@value #ROLLING}).
         *
         * @param rolling whether each response of a request with a session sends the cookie again
         * @return this builder
         */
        public Builder rolling(boolean rolling) {
            this.rolling = rolling;
            return this;
        }

        /**
         * Sets the inactivity timeout ({@value #TIMEOUT}).
         *
         * @param timeout positive and whole seconds; {@code null} keeps the container's
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets how long a session lives at most from its creation, however active ({@value #ABSOLUTE_TIMEOUT}).
         *
         * @param absoluteTimeout positive; {@code null} for no limit
         * @return this builder
         */
        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = absoluteTimeout;
            return this;
        }

        /**
         * Sets the cookie's name ({@value #COOKIE_NAME}).
         *
         * @param cookieName an RFC 6265 token; {@code null} keeps the container's
         * @return this builder
         */
        public Builder cookieName(String cookieName) {
            this.cookieName = cookieName;
            return this;
        }

        /**
         * Sets the cookie's path ({@value #COOKIE_PATH}).
         *
         * @param cookiePath starting with {@code /}, without {@code ;} or control characters; {@code null} keeps the container's
         * @return this builder
         */
        public Builder cookiePath(String cookiePath) {
            this.cookiePath = cookiePath;
            return this;
        }

        /**
         * Sets the cookie's domain ({@value #COOKIE_DOMAIN}).
         *
         * @param cookieDomain without {@code ;}, whitespace or control characters; {@code null} keeps the container's
         * @return this builder
         */
        public Builder cookieDomain(String cookieDomain) {
            this.cookieDomain = cookieDomain;
            return this;
        }

        /**
         * Sets the cookie's {@code Max-Age} ({@value #COOKIE_MAX_AGE}).
         *
         * @param cookieMaxAge seconds (positive), or {@code -1} for a browser session
         * @return this builder
         */
        public Builder cookieMaxAge(int cookieMaxAge) {
            this.cookieMaxAge = cookieMaxAge;
            return this;
        }

        /**
         * Sets whether the cookie is {@code HttpOnly} ({@value #COOKIE_HTTP_ONLY}).
         *
         * @param cookieHttpOnly whether the cookie is {@code HttpOnly}
         * @return this builder
         */
        public Builder cookieHttpOnly(boolean cookieHttpOnly) {
            this.cookieHttpOnly = cookieHttpOnly;
            return this;
        }

        /**
         * Sets the cookie's {@code SameSite} ({@value #COOKIE_SAME_SITE}).
         *
         * @param cookieSameSite {@code Strict}, {@code Lax} or {@code None}, in any case
         * @return this builder
         */
        public Builder cookieSameSite(String cookieSameSite) {
            this.cookieSameSite = cookieSameSite;
            return this;
        }

        /**
         * Sets whether session values must be {@code Serializable} ({@value #REQUIRE_SERIALIZABLE}).
         *
         * @param requireSerializable whether session values must be {@code Serializable}
         * @return this builder
         */
        public Builder requireSerializable(boolean requireSerializable) {
            this.requireSerializable = requireSerializable;
            return this;
        }

        /**
         * Sets the MDC key of the session's log id ({@value #LOG_MDC_KEY}).
         *
         * @param logMdcKey a key without whitespace
         * @return this builder
         */
        public Builder logMdcKey(String logMdcKey) {
            this.logMdcKey = logMdcKey;
            return this;
        }

        /**
         * Sets what the log id is ({@value #LOG_ID}).
         *
         * @param logId {@value #LOG_ID_FINGERPRINT}, {@value #LOG_ID_RAW} or {@value #LOG_ID_NONE}, in any case
         * @return this builder
         */
        public Builder logId(String logId) {
            this.logId = logId;
            return this;
        }

        /**
         * Sets where the index of the sessions of a user lives ({@value #USERS_STORE}).
         *
         * @param usersStore {@value #USERS_STORE_MEMORY} or {@value #USERS_STORE_JDBC}, in any case
         * @return this builder
         */
        public Builder usersStore(String usersStore) {
            this.usersStore = usersStore;
            return this;
        }

        /**
         * Sets the {@code DataSource} of the {@value #USERS_STORE_JDBC} index ({@value #USERS_DATA_SOURCE}).
         *
         * @param usersDataSource its JNDI name
         * @return this builder
         */
        public Builder usersDataSource(String usersDataSource) {
            this.usersDataSource = usersDataSource;
            return this;
        }

        /**
         * Sets the table of the {@value #USERS_STORE_JDBC} index ({@value #USERS_TABLE}).
         *
         * @param usersTable an SQL identifier: a letter, then at most 62 letters, digits and underscores
         * @return this builder
         */
        public Builder usersTable(String usersTable) {
            this.usersTable = usersTable;
            return this;
        }

        /**
         * Sets how old what a server knows of a shared index may be ({@value #USERS_REFRESH}).
         *
         * @param usersRefresh positive
         * @return this builder
         */
        public Builder usersRefresh(Duration usersRefresh) {
            this.usersRefresh = usersRefresh;
            return this;
        }

        /**
         * Sets how long an operation waits for its session's lock ({@value #LOCK_TIMEOUT}).
         *
         * @param lockTimeout positive
         * @return this builder
         */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Checks the values and builds the configuration. Deployment runs the same checks, on a
         * produced configuration and on one read from properties alike.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the property, the value and what is allowed, for the
         *                                  first bad value
         */
        public SessionConfiguration build() {
            if (secret != null && secret.isBlank()) {
                throw bad(SECRET, secret, "a non-blank secret (a long random string), or no value for a random one");
            }
            if (timeout != null
                    && (!positive(timeout) || timeout.getNano() != 0 || timeout.getSeconds() > Integer.MAX_VALUE)) {
                throw bad(TIMEOUT, timeout, "a positive whole number of seconds, such as 1800 or PT30M");
            }
            if (absoluteTimeout != null && !positive(absoluteTimeout)) {
                throw bad(
                        ABSOLUTE_TIMEOUT,
                        absoluteTimeout,
                        "a positive duration, such as 28800 (seconds) or PT8H, " + "or no value for none");
            }
            checkCookie();
            checked(
                    LOG_MDC_KEY,
                    logMdcKey,
                    logMdcKey != null && MDC_KEY.matcher(logMdcKey).matches(),
                    "a key without spaces, such as sessionId");
            logId = oneOf(LOG_ID, logId, "fingerprint, raw or none", LOG_ID_FINGERPRINT, LOG_ID_RAW, LOG_ID_NONE);
            usersStore = oneOf(USERS_STORE, usersStore, "memory or jdbc", USERS_STORE_MEMORY, USERS_STORE_JDBC);
            checked(
                    USERS_DATA_SOURCE,
                    usersDataSource,
                    usersDataSource != null && !usersDataSource.isBlank() && noControl(usersDataSource),
                    "the JNDI name of a DataSource, such as java:comp/DefaultDataSource");
            checked(
                    USERS_TABLE,
                    usersTable,
                    usersTable != null && SQL_IDENTIFIER.matcher(usersTable).matches(),
                    "an SQL identifier: a letter, then at most 62 letters, digits and underscores, such as "
                            + "voltage_user_sessions");
            if (usersRefresh == null || !positive(usersRefresh)) {
                throw bad(USERS_REFRESH, usersRefresh, "a positive duration, such as 1 (seconds) or PT1S");
            }
            if (lockTimeout == null || !positive(lockTimeout)) {
                throw bad(LOCK_TIMEOUT, lockTimeout, "a positive duration, such as 10 (seconds) or PT10S");
            }
            return new SessionConfiguration(this);
        }

        private void checkCookie() {
            if (cookieName != null && !COOKIE_TOKEN.matcher(cookieName).matches()) {
                throw bad(
                        COOKIE_NAME,
                        cookieName,
                        "a cookie name of letters, digits and !#$%&'*+-.^_`|~, such as SESSION");
            }
            if (cookiePath != null
                    && (!cookiePath.startsWith("/") || cookiePath.contains(";") || !noControl(cookiePath))) {
                throw bad(
                        COOKIE_PATH,
                        cookiePath,
                        "a path starting with '/', without ';' or control characters, " + "such as /shop");
            }
            if (cookieDomain != null
                    && (cookieDomain.isEmpty()
                            || cookieDomain.contains(";")
                            || cookieDomain
                                    .chars()
                                    .anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
                throw bad(
                        COOKIE_DOMAIN,
                        cookieDomain,
                        "a domain without ';', whitespace or control characters, "
                                + "such as example.com, or no value");
            }
            if (cookieMaxAge < -1 || cookieMaxAge == 0) {
                throw bad(COOKIE_MAX_AGE, cookieMaxAge, "a positive number of seconds, or -1 for a browser session");
            }
            cookieSameSite = normalizeSameSite(cookieSameSite);
            if (cookieSameSite.equals("None") && !secure) {
                throw new IllegalArgumentException(COOKIE_SAME_SITE + " is 'None' while " + SECURE + " is false: "
                        + "browsers refuse SameSite=None cookies that are not Secure. Set " + SECURE
                        + "=true, or use Lax or Strict.");
            }
            checkPrefix();
        }

        /** The rules of the cookie name prefixes (RFC 6265bis), which browsers match in any case. */
        private void checkPrefix() {
            String lower = cookieName == null ? "" : cookieName.toLowerCase(Locale.ROOT);
            boolean host = lower.startsWith(HOST_PREFIX.toLowerCase(Locale.ROOT));
            String prefix = host ? HOST_PREFIX : SECURE_PREFIX;
            if (!host && !lower.startsWith(SECURE_PREFIX.toLowerCase(Locale.ROOT))) {
                return;
            }
            String named = COOKIE_NAME + " is " + shown(cookieName) + " while ";
            if (!secure) {
                throw new IllegalArgumentException(named + SECURE + " is false: browsers refuse " + prefix
                        + " cookies that are not Secure. Set " + SECURE + "=true, or use a name without the " + prefix
                        + " prefix.");
            }
            if (host && cookieDomain != null) {
                throw new IllegalArgumentException(named + COOKIE_DOMAIN + " is " + shown(cookieDomain)
                        + ": browsers refuse __Host- cookies with a Domain. Leave " + COOKIE_DOMAIN
                        + " unset, or use the __Secure- prefix.");
            }
            if (host && !"/".equals(cookiePath)) {
                throw new IllegalArgumentException(named + COOKIE_PATH + " is " + shown(cookiePath)
                        + ": browsers refuse __Host- cookies whose Path is not /, and the container's path is the "
                        + "context path. Set " + COOKIE_PATH + "=/, or use the __Secure- prefix.");
            }
        }

        private static String normalizeSameSite(String value) {
            String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            return switch (lower) {
                case "strict" -> "Strict";
                case "lax" -> "Lax";
                case "none" -> "None";
                default -> throw bad(COOKIE_SAME_SITE, value, "Strict, Lax or None (in any case)");
            };
        }

        /** Returns the allowed value that the given one names in any case. */
        private static String oneOf(String property, String value, String allowed, String... values) {
            String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            for (String candidate : values) {
                if (candidate.equals(lower)) {
                    return candidate;
                }
            }
            throw bad(property, value, allowed);
        }

        private static void checked(String property, String value, boolean good, String allowed) {
            if (!good) {
                throw bad(property, value, allowed);
            }
        }

        private static boolean positive(Duration duration) {
            return !duration.isNegative() && !duration.isZero();
        }

        private static boolean noControl(String value) {
            return value.chars().noneMatch(Character::isISOControl);
        }
    }

    /**
     * The error of a bad value, naming the property, the value and what is allowed.
     *
     * @param property the property's name
     * @param value the bad value
     * @param allowed what is allowed
     * @return the exception to throw
     */
    private static IllegalArgumentException bad(String property, Object value, String allowed) {
        return new IllegalArgumentException(
                property + " is " + shown(value) + ", which is not allowed: use " + allowed + ".");
    }

    /**
     * Shows a value as a property would hold it: quoted, a duration of whole seconds as its number of
     * seconds, control characters escaped (so a value cannot forge a line of the log it is reported in).
     */
    private static String shown(Object value) {
        if (value == null) {
            return "not set";
        }
        String text = value instanceof Duration duration && duration.getNano() == 0
                ? String.valueOf(duration.getSeconds())
                : value.toString();
        StringBuilder shown = new StringBuilder("'");
        text.chars()
                .forEach(c -> shown.append(
                        Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return shown.append('\'').toString();
    }
}
