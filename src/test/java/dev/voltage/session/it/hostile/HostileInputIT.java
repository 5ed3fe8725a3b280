package dev.voltage.session.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Values and slices a mistake or an attacker can produce, on a real server, as a client sees them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "hostile",
                HostileResource.class,
                HostileResource.Line.class,
                HostileSlices.class,
                Basket.class,
                Stage.class,
                BasketSession.class,
                LedgerSession.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void valuesThatCannotBeSerialisedAreRefusedNamingKeyValueAndCulprit() {
        Map<String, String> refusals = Map.of(
                "tree-set-lambda",
                        "is a java.util.TreeSet, which holds a " + HostileResource.class.getName() + "$$Lambda",
                "tree-map-lambda",
                        "is a java.util.TreeMap, which holds a " + HostileResource.class.getName() + "$$Lambda",
                "priority-queue-lambda",
                        "is a java.util.PriorityQueue, which holds a " + HostileResource.class.getName(),
                "long-accumulator", "is a java.util.concurrent.atomic.LongAccumulator, which holds a ",
                "parsed", "is a java.time.format.Parsed, which is not Serializable");
        Browser browser = new Browser(base);

        refusals.forEach((kind, message) -> {
            HttpResponse<String> response = browser.put("api/hostile/value/" + kind, "");

            assertThat(response.statusCode()).as(kind).isEqualTo(400);
            assertThat(response.body())
                    .as(kind)
                    .startsWith("The value for session key 'hostile' ")
                    .contains(message)
                    .contains("session values must survive a restart and a fail-over");
        });
        assertThat(browser.put("api/hostile/value/cart", "").body()).isEqualTo("stored");
    }

    @Test
    void aChainOfListsSharingTheirChildrenIsCheckedQuickly() {
        Browser browser = new Browser(base);

        long start = System.nanoTime();
        HttpResponse<String> response = browser.put("api/hostile/value/shared-chain", "");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.body()).isEqualTo("stored");
        assertThat(millis).as("31 lists, 2^30 paths through them").isLessThan(5_000);
    }

    @Test
    void whateverTheSliceAttributeHoldsReadsAsTheDefaultsWithoutQuotingIt() {
        for (String name : HostileSlices.CASES.keySet()) {
            Browser browser = new Browser(base);
            assertThat(browser.put("api/hostile/slice/basket/" + name, "").body())
                    .as(name)
                    .isEqualTo("ok");

            HttpResponse<String> read = browser.get("api/hostile/basket");

            assertThat(read.statusCode()).as(name).isEqualTo(200);
            assertThat(read.body()).as(name).isEqualTo("START,empty,null");
            assertThat(browser.post("api/hostile/basket/note-of/4").body())
                    .as(name + ", written again")
                    .isEqualTo("PAID,xxxx,null");
        }
        assertThat(ServerLog.linesContaining(HostileSlices.MARKER)).isEmpty();
    }

    @Test
    void unknownPropertiesSuchAsTypeAreIgnored() {
        Browser browser = new Browser(base);
        browser.put(
                "api/hostile/raw/basket",
                "{\"@type\":\"java.lang.ProcessBuilder\",\"stage\":\"PAID\",\"note\":\"kept\",\"extra\":[[1]]}");

        assertThat(browser.get("api/hostile/basket").body()).isEqualTo("PAID,kept,ArrayList");
    }

    @Test
    void anUnreadableSliceIsLoggedOnceAMinuteNamingScopeTypeAndProblemButNotTheContent() {
        String warning = "The state of session scope 'ledger' cannot be read as " + Basket.class.getName();
        int before = ServerLog.linesContaining(warning).size();
        Browser browser = new Browser(base);
        browser.put("api/hostile/slice/ledger/unknown-enum-constant", "");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> read = browser.get("api/hostile/ledger");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("START,empty,null");
        }

        assertThat(ServerLog.linesContaining(warning))
                .hasSize(before + 1)
                .last()
                .asString()
                .contains("WARN")
                .contains("its JSON does not fit the type")
                .doesNotContain(HostileSlices.MARKER);
        assertThat(ServerLog.linesContaining(HostileSlices.MARKER)).isEmpty();
    }

    @Test
    void aStateLargerThanASliceIsRefusedAtWriteNamingTheScopeAndTheSize() {
        Browser browser = new Browser(base);

        HttpResponse<String> tooLarge = browser.post("api/hostile/basket/note-of/1048576");

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body())
                .startsWith("The state of scope 'basket' (" + Basket.class.getName()
                        + ") cannot be stored: as JSON it is 10486")
                .contains(" characters long, more than the 1048576 a slice may hold.");
        assertThat(browser.get("api/hostile/basket").body()).isEqualTo("START,empty,null");
    }
}
