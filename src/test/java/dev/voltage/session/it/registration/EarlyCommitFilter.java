package dev.voltage.session.it.registration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An application's filter that commits the response before the rest of the chain runs, as a streaming one does. */
public class EarlyCommitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setContentType("text/plain");
        response.getWriter().write("committed early;");
        response.flushBuffer();
        chain.doFilter(request, response);
    }
}
