package dev.kiln.release.domain.promotion;

import dev.kiln.common.error.DomainException;

/** The answer to a release request: go ahead, wait behind another request of the same lane, or no. */
public sealed interface Decision {

    record Proceed(Lane lane) implements Decision {
    }

    /** Legal, but {@code behind} is open in the same lane; the request waits in a visible queue. */
    record Queue(Lane lane, String behind) implements Decision {
    }

    /** Illegal; nothing may change. {@link #exception()} gives the problem the API answers with. */
    record Refuse(DomainException.Kind kind, String slug, String detail) implements Decision {
        public DomainException exception() {
            return new DomainException(kind, slug, detail);
        }
    }
}
