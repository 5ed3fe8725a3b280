package dev.voltage.session.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the WARs of the container tests the way a user builds theirs: the library's packaged
 * jar in {@code WEB-INF/lib}, the application's classes, and nothing the library should have
 * registered by itself.
 */
public final class Deployments {

    private Deployments() {}

    /**
     * A WAR with the library jar, a JAX-RS application under {@code /api} and the given classes,
     * run under the MicroProfile Config profile {@code test} (so the cookie is not {@code Secure}
     * and travels over the tests' plain HTTP).
     *
     * @param name the WAR's name, which is also its context path
     * @param classes the application's classes
     * @return the archive
     */
    public static WebArchive war(String name, Class<?>... classes) {
        return war(name, "mp.config.profile=test", classes);
    }

    /**
     * A WAR as {@link #war(String, Class[])} makes it, with the given MicroProfile Config properties
     * instead.
     *
     * @param name the WAR's name, which is also its context path
     * @param properties the lines of its {@code META-INF/microprofile-config.properties}
     * @param classes the application's classes
     * @return the archive
     */
    public static WebArchive war(String name, String properties, Class<?>... classes) {
        return Server.current()
                .complete(ShrinkWrap.create(WebArchive.class, name + ".war")
                        .addAsLibrary(libraryJar())
                        .addClasses(TestApplication.class, IllegalArgumentMapper.class)
                        .addClasses(classes)
                        .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
                        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml"));
    }

    /**
     * Marks a WAR {@code <distributable/>}, so a clustered server replicates its sessions.
     *
     * @param war the archive
     * @return the same archive, with a {@code web.xml} that says so
     */
    public static WebArchive distributable(WebArchive war) {
        return war.setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    <distributable/>
                </web-app>
                """));
    }

    private static File libraryJar() {
        String path = System.getProperty("voltage.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("The library jar '" + path + "' is missing: container tests run with "
                    + "'mvn verify', which packages it first (failsafe passes its path as -Dvoltage.jar).");
        }
        return new File(path);
    }
}
