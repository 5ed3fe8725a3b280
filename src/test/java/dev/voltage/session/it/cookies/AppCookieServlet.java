package dev.voltage.session.it.cookies;

import dev.voltage.session.Session;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Logs a user in and sets cookies of its own around it, with {@code addCookie} or a raw
 * {@code Set-Cookie} header ({@code ?how=header}).
 */
@WebServlet("/app-cookie")
public class AppCookieServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Session session;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean raw = "header".equals(request.getParameter("how"));
        setCookie(response, raw, "theme", "dark");
        session.set("user", "ada");
        setCookie(response, raw, "lang", "en");
        response.setContentType("text/plain");
        response.getWriter().write("stored");
    }

    private static void setCookie(HttpServletResponse response, boolean raw, String name, String value) {
        if (raw) {
            response.addHeader("Set-Cookie", name + "=" + value + "; Path=/");
        } else {
            Cookie cookie = new Cookie(name, value);
            cookie.setPath("/");
            response.addCookie(cookie);
        }
    }
}
