package dev.voltage.session;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the library and the container's sessions behave: cookie, timeout, logging and checks.
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
 * class is final, so a producer of it has no normal scope). {@link Builder#build()} checks every value as deployment does: a bad
 * value fails with an {@link IllegalArgumentException} that names the property, the value and what
 * is allowed.
 */
public final class SessionConfiguration {

    /** The property prefix: {@value}. */
    public static final String PREFIX = "voltage.session.";
    /** The key of the log fingerprint (HMAC-SHA-256): {@value}. Default: random per server, with a warning. */
    public static final String SECRET = PREFIX + "secret";
    /** Whether the cookie is {@code Secure}: {@value}. Default: {@code true}, {@code false} under the {@code dev} and {@code test} profiles. */
    public static final String SECURE = PREFIX + "secure";
    /** Whether every request gets a session (and a cookie) at its start: {@value}. Default: {@code false}. */
    public static final String SAVE_UNINITIALIZED = PREFIX + "save-uninitialized";
    /** Whether every attribute is set again at the end of each request: {@value}. Default: {@code false}. */
    public static final String RESAVE = PREFIX + "resave";
    /** Whether each response of a request with a session sends the cookie again: {@value}. Default: {@code false}. */
    public static final String ROLLING = PREFIX + "rolling";
    /** The inactivity timeout, seconds or ISO-8601 ({@code PT30M}): {@value}. Default: the container's. */
    public static final String TIMEOUT = PREFIX + "timeout";
    /** The cookie's name: {@value}. Default: the container's ({@code JSESSIONID}). */
    public static final String COOKIE_NAME = PREFIX + "cookie.name";
    /** The cookie's path: {@value}. Default: the container's (the context path). */
    public static final String COOKIE_PATH = PREFIX + "cookie.path";
    /** The cookie's domain: {@value}. Default: the container's (none: the host only). */
    public static final String COOKIE_DOMAIN = PREFIX + "cookie.domain";
    /** The cookie's {@code Max-Age} in seconds, {@code -1} for a browser session: {@value}. Default: {@code -1}. */
    public static final String COOKIE_MAX_AGE = PREFIX + "cookie.max-age";
    /** Whether the cookie is {@code HttpOnly}: {@value}. Default: {@code true}. */
    public static final String COOKIE_HTTP_ONLY = PREFIX + "cookie.http-only";
    /** The cookie's {@code SameSite}, {@code Strict}, {@code Lax} or {@code None}: {@value}. Default: {@code Lax}. */
    public static final String COOKIE_SAME_SITE = PREFIX + "cookie.same-site";
    /** Whether values must be {@code Serializable}: {@value}. Default: {@code true}. */
    public static final String REQUIRE_SERIALIZABLE = PREFIX + "require-serializable";
    /** The MDC key of the session's log id: {@value}. Default: {@code sessionId}. */
    public static final String LOG_MDC_KEY = PREFIX + "log.mdc-key";
    /** What the log id is, {@code fingerprint}, {@code raw} or {@code none}: {@value}. Default: {@code fingerprint}. */
    public static final String LOG_ID = PREFIX + "log.id";

    /** The absolute timeout, counted from the session's creation, seconds or ISO-8601 ({@code PT8H}): {@value}. Default: none. */
    public static final String ABSOLUTE_TIMEOUT = PREFIX + "absolute-timeout";
    /** Where the index of the sessions of a user lives, {@code memory} or {@code jdbc}: {@value}. Default: {@code memory}. */
    public static final String USERS_STORE = PREFIX + "users.store";
    /** The JNDI name of the {@code DataSource} of the {@code jdbc} index: {@value}. Default: {@code java:comp/DefaultDataSource}. */
    public static final String USERS_DATASOURCE = PREFIX + "users.datasource";
    /** The table of the {@code jdbc} index, an SQL identifier: {@value}. Default: {@code voltage_user_sessions}. */
    public static final String USERS_TABLE = PREFIX + "users.table";
    /** How old what a server knows of the shared index may be, seconds or ISO-8601: {@value}. Default: {@code PT1S}. */
    public static final String USERS_REFRESH = PREFIX + "users.refresh";

    /** The index of the sessions of a user is kept in this server's memory. */
    public static final String USERS_STORE_MEMORY = "memory";
    /** The index of the sessions of a user is a table reached through a {@code DataSource}. */
    public static final String USERS_STORE_JDBC = "jdbc";

    /** The log id is the fingerprint of the session id. */
    public static final String LOG_ID_FINGERPRINT = "fingerprint";
    /** The log id is the raw session id. */
    public static final String LOG_ID_RAW = "raw";
    /** No log id goes into the MDC. */
    public static final String LOG_ID_NONE = "none";

    private static final Pattern COOKIE_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final Pattern MDC_KEY = Pattern.compile("\\S+");
    private static final Pattern SQL_IDENTIFIER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

    private final String secret;
    private final boolean secure;
    private final boolean saveUninitialized;
    private final boolean resave;
    private final boolean rolling;
    private final Duration timeout;
    private final String cookieName;
    private final String cookiePath;
    private final String cookieDomain;
    private final int cookieMaxAge;
    private final boolean cookieHttpOnly;
    private final String cookieSameSite;
    private final boolean requireSerializable;
    private final String logMdcKey;
    private final String logId;
    private final Duration absoluteTimeout;
    private final String usersStore;
    private final String usersDataSource;
    private final String usersTable;
    private final Duration usersRefresh;

    private SessionConfiguration(Builder builder) {
        this.secret = builder.secret;
        this.secure = builder.secure;
        this.saveUninitialized = builder.saveUninitialized;
        this.resave = builder.resave;
        this.rolling = builder.rolling;
        this.timeout = builder.timeout;
        this.cookieName = builder.cookieName;
        this.cookiePath = builder.cookiePath;
        this.cookieDomain = builder.cookieDomain;
        this.cookieMaxAge = builder.cookieMaxAge;
        this.cookieHttpOnly = builder.cookieHttpOnly;
        this.cookieSameSite = builder.cookieSameSite;
        this.requireSerializable = builder.requireSerializable;
        this.logMdcKey = builder.logMdcKey;
        this.logId = builder.logId;
        this.absoluteTimeout = builder.absoluteTimeout;
        this.usersStore = builder.usersStore;
        this.usersDataSource = builder.usersDataSource;
        this.usersTable = builder.usersTable;
        this.usersRefresh = builder.usersRefresh;
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

    /** @return the key of the log fingerprint, or {@code null} for a random one per server ({@value #SECRET}) */
    public String secret() {
        return secret;
    }

    /** @return whether the cookie is {@code Secure} ({@value #SECURE}) */
    public boolean secure() {
        return secure;
    }

    /** @return whether every request gets a session at its start ({@value #SAVE_UNINITIALIZED}) */
    public boolean saveUninitialized() {
        return saveUninitialized;
    }

    /** @return whether every attribute is set again at the end of each request ({@value #RESAVE}) */
    public boolean resave() {
        return resave;
    }

    /** @return whether each response of a request with a session sends the cookie again ({@value #ROLLING}) */
    public boolean rolling() {
        return rolling;
    }

    /** @return the inactivity timeout, or {@code null} to keep the container's ({@value #TIMEOUT}) */
    public Duration timeout() {
        return timeout;
    }

    /** @return the cookie's name, or {@code null} to keep the container's ({@value #COOKIE_NAME}) */
    public String cookieName() {
        return cookieName;
    }

    /** @return the cookie's path, or {@code null} to keep the container's ({@value #COOKIE_PATH}) */
    public String cookiePath() {
        return cookiePath;
    }

    /** @return the cookie's domain, or {@code null} to keep the container's ({@value #COOKIE_DOMAIN}) */
    public String cookieDomain() {
        return cookieDomain;
    }

    /** @return the cookie's {@code Max-Age} in seconds, {@code -1} for a browser session ({@value #COOKIE_MAX_AGE}) */
    public int cookieMaxAge() {
        return cookieMaxAge;
    }

    /** @return whether the cookie is {@code HttpOnly} ({@value #COOKIE_HTTP_ONLY}) */
    public boolean cookieHttpOnly() {
        return cookieHttpOnly;
    }

    /** @return the cookie's {@code SameSite}: {@code Strict}, {@code Lax} or {@code None} ({@value #COOKIE_SAME_SITE}) */
    public String cookieSameSite() {
        return cookieSameSite;
    }

    /** @return whether session values must be {@code Serializable} ({@value #REQUIRE_SERIALIZABLE}) */
    public boolean requireSerializable() {
        return requireSerializable;
    }

    /** @return the MDC key of the session's log id ({@value #LOG_MDC_KEY}) */
    public String logMdcKey() {
        return logMdcKey;
    }

    /** @return what the log id is: {@code fingerprint}, {@code raw} or {@code none} ({@value #LOG_ID}) */
    public String logId() {
        return logId;
    }

    /** @return the absolute timeout, counted from the session's creation, or {@code null} when there is none ({@value #ABSOLUTE_TIMEOUT}) */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /** @return where the index of the sessions of a user lives: {@code memory} or {@code jdbc} ({@value #USERS_STORE}) */
    public String usersStore() {
        return usersStore;
    }

    /** @return the JNDI name of the {@code DataSource} of the {@code jdbc} index ({@value #USERS_DATASOURCE}) */
    public String usersDataSource() {
        return usersDataSource;
    }

    /** @return the table of the {@code jdbc} index ({@value #USERS_TABLE}) */
    public String usersTable() {
        return usersTable;
    }

    /** @return how old what a server knows of the shared index may be ({@value #USERS_REFRESH}) */
    public Duration usersRefresh() {
        return usersRefresh;
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
                + ", timeout=" + timeout + ", cookieName=" + cookieName + ", cookiePath=" + cookiePath
                + ", cookieDomain=" + cookieDomain + ", cookieMaxAge=" + cookieMaxAge + ", cookieHttpOnly="
                + cookieHttpOnly + ", cookieSameSite=" + cookieSameSite + ", requireSerializable="
                + requireSerializable + ", logMdcKey=" + logMdcKey + ", logId=" + logId + ", absoluteTimeout="
                + absoluteTimeout + ", usersStore=" + usersStore + ", usersDataSource=" + usersDataSource
                + ", usersTable=" + usersTable + ", usersRefresh=" + usersRefresh + "]";
    }

    /**
     * Builds a {@link SessionConfiguration}; starts from the defaults, and each setter returns the
     * builder.
     */
    public static final class Builder {

        private String secret;
        private boolean secure = true;
        private boolean saveUninitialized;
        private boolean resave;
        private boolean rolling;
        private Duration timeout;
        private String cookieName;
        private String cookiePath;
        private String cookieDomain;
        private int cookieMaxAge = -1;
        private boolean cookieHttpOnly = true;
        private String cookieSameSite = "Lax";
        private boolean requireSerializable = true;
        private String logMdcKey = "sessionId";
        private String logId = LOG_ID_FINGERPRINT;
        private Duration absoluteTimeout;
        private String usersStore = USERS_STORE_MEMORY;
        private String usersDataSource = "java:comp/DefaultDataSource";
        private String usersTable = "voltage_user_sessions";
        private Duration usersRefresh = Duration.ofSeconds(1);

        private Builder() {
        }

        private Builder(SessionConfiguration from) {
            secret = from.secret;
            secure = from.secure;
            saveUninitialized = from.saveUninitialized;
            resave = from.resave;
            rolling = from.rolling;
            timeout = from.timeout;
            cookieName = from.cookieName;
            cookiePath = from.cookiePath;
            cookieDomain = from.cookieDomain;
            cookieMaxAge = from.cookieMaxAge;
            cookieHttpOnly = from.cookieHttpOnly;
            cookieSameSite = from.cookieSameSite;
            requireSerializable = from.requireSerializable;
            logMdcKey = from.logMdcKey;
            logId = from.logId;
            absoluteTimeout = from.absoluteTimeout;
            usersStore = from.usersStore;
            usersDataSource = from.usersDataSource;
            usersTable = from.usersTable;
            usersRefresh = from.usersRefresh;
        }

        /**
         * @param secret the key of the log fingerprint; {@code null} for a random one per server
         * @return this builder
         */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * @param secure whether the cookie is {@code Secure}
         * @return this builder
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * @param saveUninitialized whether every request gets a session (and a cookie) at its start
         * @return this builder
         */
        public Builder saveUninitialized(boolean saveUninitialized) {
            this.saveUninitialized = saveUninitialized;
            return this;
        }

        /**
         * @param resave whether every attribute is set again at the end of each request
         * @return this builder
         */
        public Builder resave(boolean resave) {
            this.resave = resave;
            return this;
        }

        /**
         * @param rolling whether each response of a request with a session sends the cookie again
         * @return this builder
         */
        public Builder rolling(boolean rolling) {
            this.rolling = rolling;
            return this;
        }

        /**
         * @param timeout the inactivity timeout, positive and whole seconds; {@code null} keeps the container's
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param cookieName the cookie's name; {@code null} keeps the container's
         * @return this builder
         */
        public Builder cookieName(String cookieName) {
            this.cookieName = cookieName;
            return this;
        }

        /**
         * @param cookiePath the cookie's path, starting with {@code /}; {@code null} keeps the container's
         * @return this builder
         */
        public Builder cookiePath(String cookiePath) {
            this.cookiePath = cookiePath;
            return this;
        }

        /**
         * @param cookieDomain the cookie's domain; {@code null} keeps the container's
         * @return this builder
         */
        public Builder cookieDomain(String cookieDomain) {
            this.cookieDomain = cookieDomain;
            return this;
        }

        /**
         * @param cookieMaxAge the cookie's {@code Max-Age} in seconds (positive), or {@code -1} for a browser session
         * @return this builder
         */
        public Builder cookieMaxAge(int cookieMaxAge) {
            this.cookieMaxAge = cookieMaxAge;
            return this;
        }

        /**
         * @param cookieHttpOnly whether the cookie is {@code HttpOnly}
         * @return this builder
         */
        public Builder cookieHttpOnly(boolean cookieHttpOnly) {
            this.cookieHttpOnly = cookieHttpOnly;
            return this;
        }

        /**
         * @param cookieSameSite {@code Strict}, {@code Lax} or {@code None}, in any case
         * @return this builder
         */
        public Builder cookieSameSite(String cookieSameSite) {
            this.cookieSameSite = cookieSameSite;
            return this;
        }

        /**
         * @param requireSerializable whether session values must be {@code Serializable}
         * @return this builder
         */
        public Builder requireSerializable(boolean requireSerializable) {
            this.requireSerializable = requireSerializable;
            return this;
        }

        /**
         * @param logMdcKey the MDC key of the session's log id
         * @return this builder
         */
        public Builder logMdcKey(String logMdcKey) {
            this.logMdcKey = logMdcKey;
            return this;
        }

        /**
         * @param logId {@code fingerprint}, {@code raw} or {@code none}
         * @return this builder
         */
        public Builder logId(String logId) {
            this.logId = logId;
            return this;
        }

        /**
         * @param absoluteTimeout how long a session may live from its creation, however active, positive and
         *                        whole seconds; {@code null} for no absolute timeout
         * @return this builder
         */
        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = absoluteTimeout;
            return this;
        }

        /**
         * @param usersStore where the index of the sessions of a user lives: {@code memory} or {@code jdbc}
         * @return this builder
         */
        public Builder usersStore(String usersStore) {
            this.usersStore = usersStore;
            return this;
        }

        /**
         * @param usersDataSource the JNDI name of the {@code DataSource} of the {@code jdbc} index
         * @return this builder
         */
        public Builder usersDataSource(String usersDataSource) {
            this.usersDataSource = usersDataSource;
            return this;
        }

        /**
         * @param usersTable the table of the {@code jdbc} index, an SQL identifier (optionally schema-qualified)
         * @return this builder
         */
        public Builder usersTable(String usersTable) {
            this.usersTable = usersTable;
            return this;
        }

        /**
         * @param usersRefresh how old what a server knows of the shared index may be, positive
         * @return this builder
         */
        public Builder usersRefresh(Duration usersRefresh) {
            this.usersRefresh = usersRefresh;
            return this;
        }

        /**
         * Checks the values and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the property, the value and what is allowed, for the
         *                                  first bad value
         */
        public SessionConfiguration build() {
            if (secret != null && secret.isBlank()) {
                throw bad(SECRET, secret, "a non-blank secret (a long random string), or no value for a random one");
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.getNano() != 0
                    || timeout.getSeconds() > Integer.MAX_VALUE)) {
                throw bad(TIMEOUT, timeout, "a positive whole number of seconds, such as 1800 or PT30M");
            }
            if (cookieName != null && !COOKIE_TOKEN.matcher(cookieName).matches()) {
                throw bad(COOKIE_NAME, cookieName, "a cookie name of letters, digits and !#$%&'*+-.^_`|~, such as SESSION");
            }
            if (cookiePath != null && !cookiePath.startsWith("/")) {
                throw bad(COOKIE_PATH, cookiePath, "a path starting with '/'");
            }
            if (cookieDomain != null && cookieDomain.isBlank()) {
                throw bad(COOKIE_DOMAIN, cookieDomain, "a domain such as example.com, or no value");
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
            if (logMdcKey == null || !MDC_KEY.matcher(logMdcKey).matches()) {
                throw bad(LOG_MDC_KEY, logMdcKey, "a key without spaces, such as sessionId");
            }
            logId = normalizeLogId(logId);
            if (absoluteTimeout != null && (absoluteTimeout.isNegative() || absoluteTimeout.isZero()
                    || absoluteTimeout.getNano() != 0 || absoluteTimeout.getSeconds() > Integer.MAX_VALUE)) {
                throw bad(ABSOLUTE_TIMEOUT, absoluteTimeout, "a positive whole number of seconds, such as 28800 or PT8H");
            }
            usersStore = normalizeUsersStore(usersStore);
            if (usersDataSource == null || usersDataSource.isBlank()) {
                throw bad(USERS_DATASOURCE, usersDataSource, "the JNDI name of a DataSource, such as java:comp/DefaultDataSource");
            }
            if (usersTable == null || !SQL_IDENTIFIER.matcher(usersTable).matches()) {
                throw bad(USERS_TABLE, usersTable, "an SQL identifier of letters, digits and _, such as voltage_user_sessions");
            }
            if (usersRefresh == null || usersRefresh.isNegative() || usersRefresh.isZero()) {
                throw bad(USERS_REFRESH, usersRefresh, "a positive duration, such as 1 or PT1S");
            }
            return new SessionConfiguration(this);
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

        private static String normalizeUsersStore(String value) {
            String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (lower.equals(USERS_STORE_MEMORY) || lower.equals(USERS_STORE_JDBC)) {
                return lower;
            }
            throw bad(USERS_STORE, value, "memory or jdbc");
        }

        private static String normalizeLogId(String value) {
            String lower = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (lower.equals(LOG_ID_FINGERPRINT) || lower.equals(LOG_ID_RAW) || lower.equals(LOG_ID_NONE)) {
                return lower;
            }
            throw bad(LOG_ID, value, "fingerprint, raw or none");
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
    static IllegalArgumentException bad(String property, Object value, String allowed) {
        return new IllegalArgumentException(property + " is " + (value == null ? "not set" : "'" + value + "'")
                + ", which is not allowed: use " + allowed + ".");
    }
}
