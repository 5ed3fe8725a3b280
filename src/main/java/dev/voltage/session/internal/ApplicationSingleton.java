package dev.voltage.session.internal;

import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Singleton;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean of the library that has one instance per application and is injected as itself,
 * with no client proxy: the {@code @Singleton} pseudo-scope, made bean-defining as a stereotype so
 * that the library's {@code annotated} bean archive discovers it.
 *
 * <p>The beans that every request calls (the configuration, the log ids, the locks, the deadlines)
 * carry it, so that a call costs a plain method call, not a client proxy's context lookup. Such a
 * bean holds no request state, and injects only beans of this kind below it or normal-scoped beans
 * (whose client proxies break any cycle).
 */
@Stereotype
@Singleton
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApplicationSingleton {}
