package dev.voltage.session.it.config;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Commits its response before it ends, as a streaming endpoint does. */
@WebServlet("/early")
public class EarlyCommitServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("committed early");
        response.flushBuffer();
        response.getWriter().write(", then more");
    }
}
