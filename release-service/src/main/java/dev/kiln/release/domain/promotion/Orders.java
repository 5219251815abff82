package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.VersionKind;
import dev.kiln.flatcar.VersionRequest;

/**
 * What version-service and build-runner are asked for, per kind of request, in the shapes their own tests use: a
 * new major is version kind {@code alpha} (no fields; version-service creates branch flatcar-MMMM) built with the
 * {@code full} pipeline; a promotion is kind {@code promotion} from the source's tag to the target channel, a patch
 * kind {@code patch} from the release it follows, both built with the {@code os} pipeline on the allocated tag (on
 * flatcar-MMMM, with the SDK version-service kept from the source). Every call is keyed by the request id, so a
 * repeat after a crash gets the same version and the same build.
 */
public final class Orders {

    public static final String FULL = "full";
    public static final String OS = "os";

    private Orders() {
    }

    public static VersionRequest version(PromotionRequest request) {
        return switch (request.ask()) {
            case ReleaseRequest.NewMajor ignored -> new VersionRequest(VersionKind.ALPHA, null, null, null, null, null);
            case ReleaseRequest.Promotion p -> new VersionRequest(VersionKind.PROMOTION, null, Tag.release(p.from()).name(),
                    p.to().id(), null, null);
            case ReleaseRequest.Patch ignored -> new VersionRequest(VersionKind.PATCH, null,
                    Tag.release(request.source().orElseThrow()).name(), null, null, null);
        };
    }

    /** The build of the allocated tag; only asked for once the request has one. */
    public static BuildOrder build(PromotionRequest request) {
        String pipeline = request.ask() instanceof ReleaseRequest.NewMajor ? FULL : OS;
        return new BuildOrder(pipeline, request.tag().orElseThrow().name(), request.arches(), request.vendors());
    }

    /** The Idempotency-Key of every call made for {@code request}. */
    public static String idempotencyKey(PromotionRequest request) {
        return "kiln-promotion-" + request.id();
    }
}
