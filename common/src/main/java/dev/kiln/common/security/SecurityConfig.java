package dev.kiln.common.security;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Static API callers. OIDC can be added beside them: endpoints only check roles. */
@ConfigMapping(prefix = "kiln.security")
public interface SecurityConfig {

    /** Callers by name, each with a secret bearer token and its roles. */
    Map<String, Caller> callers();

    /** A file whose trimmed content is a token granting every role (the local stack writes one). */
    Optional<Path> adminTokenFile();

    /** One static caller. */
    interface Caller {

        /** The bearer token this caller presents. */
        String token();

        /** Its roles: builder, releaser, admin. */
        Set<String> roles();
    }
}
