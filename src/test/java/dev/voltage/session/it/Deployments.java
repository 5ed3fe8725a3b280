package dev.voltage.session.it;

import dev.voltage.session.it.core.ActivatedContextReader;
import dev.voltage.session.it.core.SessionResource;
import dev.voltage.session.it.scopes.CartItem;
import dev.voltage.session.it.scopes.CartSession;
import dev.voltage.session.it.scopes.CheckoutSession;
import dev.voltage.session.it.scopes.CheckoutState;
import dev.voltage.session.it.scopes.CounterSession;
import dev.voltage.session.it.scopes.ListScope;
import dev.voltage.session.it.scopes.Notes;
import dev.voltage.session.it.scopes.Profile;
import dev.voltage.session.it.scopes.ProfileSession;
import dev.voltage.session.it.scopes.ScopesResource;
import dev.voltage.session.it.scopes.Step;
import java.io.File;
import java.util.stream.Stream;
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

    /**
     * The classes behind {@code SessionResource}, the {@code Session} endpoints of {@code it/core}.
     *
     * @return a new array of them
     */
    public static Class<?>[] sessionClasses() {
        return new Class<?>[] {SessionResource.class, SessionResource.Unserializable.class, ActivatedContextReader.class
        };
    }

    /**
     * The classes behind {@code ScopesResource}: the {@code ScopedSession} subclasses of {@code it/scopes}, their
     * states and the beans of every scope that {@code Notes} compares them with.
     *
     * @return a new array of them
     */
    public static Class<?>[] scopesClasses() {
        return new Class<?>[] {
            ScopesResource.class,
            Step.class,
            CheckoutState.class,
            CheckoutSession.class,
            CartItem.class,
            CartSession.class,
            CounterSession.class,
            Profile.class,
            ProfileSession.class,
            ListScope.class,
            Notes.class,
            Notes.ApplicationNotes.class,
            Notes.RequestNotes.class,
            Notes.SessionNotes.class,
            Notes.DependentNotes.class
        };
    }

    /**
     * The {@link #distributable(WebArchive) distributable} WAR that the cluster tests deploy on every node: the
     * endpoints of {@link #sessionClasses()} and of {@link #scopesClasses()}.
     *
     * @param name the WAR's name, which is also its context path
     * @return the archive
     */
    public static WebArchive clusterWar(String name) {
        return distributable(war(
                name,
                Stream.concat(Stream.of(sessionClasses()), Stream.of(scopesClasses()))
                        .toArray(Class<?>[]::new)));
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
