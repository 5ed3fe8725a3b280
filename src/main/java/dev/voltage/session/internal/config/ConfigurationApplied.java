package dev.voltage.session.internal.config;

import dev.voltage.session.SessionConfiguration;
import jakarta.servlet.ServletContext;

/**
 * A CDI event of the library's own: the configuration was settled and applied as the application
 * starts. Parts of the library that must prepare something at deployment (and fail it when they
 * cannot) observe it; an exception from an observer fails the deployment.
 *
 * @param configuration the configuration in force
 * @param context the application's servlet context
 */
public record ConfigurationApplied(SessionConfiguration configuration, ServletContext context) {}
