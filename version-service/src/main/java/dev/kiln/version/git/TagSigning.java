package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.flatcar.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Which tags are signed, and with what: loaded once at start-up so a bad key fails the boot, not an allocation. */
@ApplicationScoped
public class TagSigning {

    private static final Logger LOG = Logger.getLogger(TagSigning.class);

    private final VersionConfig.SignedTags which;
    private final OpenPgpKeySigner signer;

    public TagSigning(VersionConfig config) {
        VersionConfig.Signing signing = config.signing();
        this.which = signing.tags();
        this.signer = which == VersionConfig.SignedTags.NONE ? null : signing.keyFile()
                .map(file -> OpenPgpKeySigner.load(file, signing.passphrase(), signing.keyId())).orElse(null);
        if (signer != null) {
            LOG.infof("signing %s tags with OpenPGP key %s", which.name().toLowerCase(java.util.Locale.ROOT), signer.fingerprint());
        } else if (which != VersionConfig.SignedTags.NONE) {
            LOG.warnf("kiln.version.signing.tags=%s but no key file is configured (KILN_GPG_KEY_FILE): tags are not signed",
                    which.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The signer for {@code tag}, if it is to be signed. */
    public Optional<OpenPgpKeySigner> signerFor(Tag tag) {
        boolean wanted = which == VersionConfig.SignedTags.ALL || which == VersionConfig.SignedTags.RELEASES && tag.version().official();
        return wanted ? Optional.ofNullable(signer) : Optional.empty();
    }
}
