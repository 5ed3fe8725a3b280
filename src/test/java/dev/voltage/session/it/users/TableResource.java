package dev.voltage.session.it.users;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What another server sharing the table does to it, and what is in it: the test plays the
 * other server of a cluster through the same SQL that server would run.
 */
@Path("table")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class TableResource {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The rows of a user, as session_key;log_id;revoked lines. */
    @GET
    @Path("{table}/{user}")
    public String rows(@PathParam("table") String table, @PathParam("user") String user) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT session_key, log_id, revoked FROM " + table + " WHERE user_name = ? ORDER BY log_id")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + ";" + r.getString(2) + ";" + r.getInt(3));
                }
            }
        }
        return String.join("\n", rows);
    }

    /** Another server revokes one session, as its UserSessions.revoke(user, logId) does. */
    @POST
    @Path("{table}/{user}/{logId}/revoke")
    public String revoke(
            @PathParam("table") String table, @PathParam("user") String user, @PathParam("logId") String logId)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE " + table + " SET revoked = 1 WHERE user_name = ? AND log_id = ? AND revoked = 0")) {
            s.setString(1, user);
            s.setString(2, logId);
            return String.valueOf(s.executeUpdate());
        }
    }

    /** A session of a server that died: its row stays, with a deadline long past. */
    @POST
    @Path("{table}/{user}/dead")
    public String dead(@PathParam("table") String table, @PathParam("user") String user) throws SQLException {
        long past = System.currentTimeMillis() - 3_600_000;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + table
                        + " (session_key, user_name, log_id, created_at, last_accessed_at, expires_at, revoked)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            s.setString(1, "dead-" + Long.toHexString(System.nanoTime()));
            s.setString(2, user);
            s.setString(3, "deadserver000000");
            s.setLong(4, past - 60_000);
            s.setLong(5, past);
            s.setLong(6, past);
            return String.valueOf(s.executeUpdate());
        }
    }
}
