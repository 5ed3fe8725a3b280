package dev.voltage.session.internal.users;

import dev.voltage.session.Session;

/** The checks of the user names that {@code Session.login} and {@code UserSessions} take. */
public final class UserNames {

    private UserNames() {}

    /**
     * Checks a user given to {@code Session.login}.
     *
     * @param user the user
     * @return the user
     * @throws IllegalArgumentException if it is {@code null}, blank or too long
     */
    public static String requireLogin(String user) {
        requireUser(user);
        if (user.length() > Session.MAX_USER_LENGTH) {
            throw new IllegalArgumentException("The user given to Session.login is " + user.length()
                    + " characters long, which is not allowed: use an identifier of at most "
                    + Session.MAX_USER_LENGTH + " characters, such as the account's id.");
        }
        return user;
    }

    /**
     * Checks a user given to {@code Session.login} or {@code UserSessions}.
     *
     * @param user the user
     * @return the user
     * @throws IllegalArgumentException if it is {@code null} or blank
     */
    public static String requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("The user is " + (user == null ? "null" : "blank")
                    + ", which is not allowed: give the identifier the session was logged in with.");
        }
        return user;
    }
}
