package dev.kiln.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveEventTest {

    @Test
    void buildEventsNameTheStateTheyLeaveARunOrBuildIn() {
        assertThat(LiveEvent.of("kiln.builds", "dev.kiln.build.step.started.v1", "b", "image-amd64").state()).isEqualTo("running");
        assertThat(LiveEvent.of("kiln.builds", "dev.kiln.build.step.retrying.v1", "b", "image-amd64").state()).isEqualTo("pending");
        assertThat(LiveEvent.of("kiln.builds", "dev.kiln.build.step.succeeded.v1", "b", "image-amd64").endsRun()).isTrue();
        assertThat(LiveEvent.of("kiln.builds", "dev.kiln.build.step.started.v1", "b", "image-amd64").endsRun()).isFalse();
        assertThat(LiveEvent.of("kiln.builds", "dev.kiln.build.started.v1", "b", null).state()).isEqualTo("running");
        assertThat(LiveEvent.of("kiln.builds", "dev.kiln.build.failed.v1", "b", null).state()).isEqualTo("failed");
        assertThat(LiveEvent.of("kiln.releases", "dev.kiln.release.published.v1", "4593.2.5", null).state()).isNull();
    }
}
