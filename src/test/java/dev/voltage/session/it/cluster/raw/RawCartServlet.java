package dev.voltage.session.it.cluster.raw;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fail-over's cart on raw {@code HttpSession}, in a WAR without the library, CDI or JAX-RS:
 * the same URLs as the library's test resource ({@code cart/{item}}, {@code cart},
 * {@code value/{key}}, {@code facts}), each answered with a small body and no flush, so whatever
 * it loses is the container's.
 */
@WebServlet("/api/session/*")
public class RawCartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (!path.startsWith("/cart/")) {
            response.sendError(404);
            return;
        }
        HttpSession session = request.getSession();
        Object cart = session.getAttribute("cart");
        List<String> next = cart == null ? new ArrayList<>() : new ArrayList<>(castList(cart));
        next.add(path.substring("/cart/".length()));
        session.setAttribute("cart", next);
        text(response, String.valueOf(next.size()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        HttpSession session = request.getSession(false);
        if (path.equals("/facts")) {
            text(response, "exists=" + (session != null));
        } else if (path.equals("/cart")) {
            Object cart = session == null ? null : session.getAttribute("cart");
            text(response, cart == null ? "" : String.join(",", castList(cart)));
        } else if (path.startsWith("/value/")) {
            Object value = session == null ? null : session.getAttribute(path.substring("/value/".length()));
            text(response, String.valueOf(value));
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (!path.startsWith("/value/")) {
            response.sendError(404);
            return;
        }
        request.getSession()
                .setAttribute(
                        path.substring("/value/".length()),
                        new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        text(response, "ok");
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(body);
    }
}
