package dev.voltage.session.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of every test WAR, under {@code /api}. */
@ApplicationPath("api")
public class TestApplication extends Application {}
