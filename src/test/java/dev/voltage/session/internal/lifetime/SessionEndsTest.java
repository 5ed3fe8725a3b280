package dev.voltage.session.internal.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.testing.FakeHttpSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session the library ended and reported ended, but that its container kept (as WildFly's
 * distributable manager does for a handle that outlived its request), ends at its next request
 * without a second event; a session that merely shares an ended id does not.
 */
class SessionEndsTest {

    private final SessionEnds ends = new SessionEnds(null);
    private final List<String> reported = new ArrayList<>();

    /** What the library's session listener does as the container destroys a session. */
    private void reportDestroyedOf(FakeHttpSession session) {
        session.beforeInvalidate(() -> {
            if (!ends.isSilenced(session.getId())) {
                reported.add(session.getId() + ":" + ends.reasonOf(session, Reason.DELETED));
            }
        });
    }

    @Test
    void aRevokedSessionThatItsContainerKeptEndsAtItsNextRequestWithoutASecondEvent() throws Exception {
        FakeHttpSession revoked = new FakeHttpSession("kept");
        FakeHttpSession sameSessionNextRequest = new FakeHttpSession("kept");
        reportDestroyedOf(revoked);
        reportDestroyedOf(sameSessionNextRequest);
        Thread.sleep(2); // the report comes after the session's creation, as it always does

        assertThat(ends.end(revoked, Reason.REVOKED)).isTrue();
        assertThat(ends.endSurvivor(sameSessionNextRequest)).isTrue();

        assertThat(sameSessionNextRequest.isInvalidated()).isTrue();
        assertThat(reported).containsExactly("kept:REVOKED");
        assertThat(ends.ended("kept")).isTrue();
    }

    @Test
    void aSessionTheLibraryNeverEndedIsNoSurvivor() {
        FakeHttpSession session = new FakeHttpSession("live");

        assertThat(ends.endSurvivor(session)).isFalse();
        assertThat(session.isInvalidated()).isFalse();
    }

    @Test
    void aSessionWhoseEndWasAnnouncedButNotYetReportedIsNoSurvivor() {
        FakeHttpSession session = new FakeHttpSession("announced");
        ends.announce("announced", Reason.REVOKED);

        assertThat(ends.endSurvivor(session)).isFalse();
        assertThat(session.isInvalidated()).isFalse();
    }

    @Test
    void aSessionCreatedAfterTheEndUnderTheSameIdIsNoSurvivor() throws Exception {
        FakeHttpSession revoked = new FakeHttpSession("reused");
        reportDestroyedOf(revoked);
        ends.end(revoked, Reason.REVOKED);
        Thread.sleep(2);
        FakeHttpSession newSession = new FakeHttpSession("reused");

        assertThat(ends.endSurvivor(newSession)).isFalse();
        assertThat(newSession.isInvalidated()).isFalse();
    }
}
