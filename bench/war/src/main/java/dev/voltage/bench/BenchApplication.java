package dev.voltage.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's endpoints, under {@code /api}. */
@ApplicationPath("api")
public class BenchApplication extends Application {}
