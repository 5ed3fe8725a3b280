package dev.voltage.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's JAX-RS API, under {@code /api}. */
@ApplicationPath("api")
public class ShopApplication extends Application {}
