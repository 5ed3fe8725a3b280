package dev.voltage.session.it.users;

import java.net.http.HttpResponse;

/**
 * What one request of {@link UsersResource} saw of its session.
 *
 * @param exists whether it had a session
 * @param user the user it is bound to, or {@code none}
 * @param logId its log id, or {@code none}
 * @param cart the value under {@code cart}, or {@code none}
 * @param maxInactiveSeconds the container's inactivity timeout, or {@code none}
 * @param secondsToExpiry seconds from now to {@code Session.expiresAt()}, or {@code none}
 */
record Me(boolean exists, String user, String logId, String cart, String maxInactiveSeconds, String secondsToExpiry) {

    static Me of(String body) {
        String[] parts = body.substring(body.indexOf('|') + 1).split(";");
        return new Me(Boolean.parseBoolean(parts[0]), parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    static Me of(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return of(response.body());
    }
}
