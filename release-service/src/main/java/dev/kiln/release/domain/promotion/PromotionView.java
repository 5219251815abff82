package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.release.Release;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the rules need to know, read by the caller in one transaction: the known releases and the open requests. */
public record PromotionView(List<Release> releases, List<OpenRequest> openRequests) {

    public PromotionView {
        releases = List.copyOf(releases);
        openRequests = List.copyOf(openRequests);
    }

    public Optional<Release> release(Version version) {
        return releases.stream().filter(r -> Version.BY_NUMBER.compare(r.version(), version) == 0).findFirst();
    }

    /** Releases of one major in one channel. */
    public List<Release> releasesOf(Channel channel, int major) {
        return releases.stream().filter(r -> r.channel() == channel && r.version().major() == major).toList();
    }

    /** The request a new one in {@code lane} would wait behind: the newest open one there. */
    public Optional<OpenRequest> lastOpenIn(Lane lane) {
        return openRequests.stream().filter(o -> o.lane().equals(lane))
                .max(Comparator.comparing(OpenRequest::createdAt).thenComparing(OpenRequest::id));
    }
}
