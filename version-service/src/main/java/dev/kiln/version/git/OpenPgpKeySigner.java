package dev.kiln.version.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Signs tags with an OpenPGP secret key read from an ASCII-armoured file, the way Flatcar's CI imports
 * SIGNING_KEY into an ephemeral GNUPGHOME; no gpg binary or agent is involved. The signature is a
 * detached, armoured SHA-256 signature that {@code git verify-tag} accepts.
 */
public final class OpenPgpKeySigner implements Signer {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;

    private OpenPgpKeySigner(PGPPrivateKey privateKey, PGPPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * Loads the signing key from {@code keyFile}: the key whose id or fingerprint ends with {@code keyId},
     * or the first key able to sign.
     *
     * @throws IllegalStateException when the file holds no usable key or the passphrase is wrong
     */
    public static OpenPgpKeySigner load(Path keyFile, Optional<String> passphrase, Optional<String> keyId) {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(keyFile))) {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            PGPSecretKey secret = find(rings, keyId).orElseThrow(() -> new IllegalStateException("no secret signing key"
                    + keyId.map(id -> " with id " + id).orElse("") + " in " + keyFile));
            char[] pass = passphrase.orElse("").toCharArray();
            PGPPrivateKey key = secret.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder().setProvider(PROVIDER).build(pass));
            return new OpenPgpKeySigner(key, secret.getPublicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + keyFile, e);
        } catch (PGPException e) {
            throw new IllegalStateException("cannot unlock the signing key in " + keyFile + " (wrong passphrase?): " + e.getMessage(), e);
        }
    }

    /** The fingerprint of the signing key, upper-case hex. */
    public String fingerprint() {
        return HexFormat.of().withUpperCase().formatHex(publicKey.getFingerprint());
    }

    @Override
    public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer, String signingKey,
            CredentialsProvider credentials) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256).setProvider(PROVIDER), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(committer.getWhenAsInstant()));
            hashed.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, publicKey.getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());
            generator.update(data);
            return new GpgSignature(armour(generator.generate()));
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer, String signingKey,
            CredentialsProvider credentials) {
        return true;
    }

    private static byte[] armour(PGPSignature signature) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armoured = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            signature.encode(armoured);
        }
        return out.toByteArray();
    }

    private static Optional<PGPSecretKey> find(PGPSecretKeyRingCollection rings, Optional<String> keyId) {
        for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext();) {
            for (Iterator<PGPSecretKey> k = r.next().getSecretKeys(); k.hasNext();) {
                PGPSecretKey key = k.next();
                if (key.isSigningKey() && !key.isPrivateKeyEmpty() && keyId.map(id -> matches(key, id)).orElse(true)) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(PGPSecretKey key, String id) {
        String wanted = id.replace(" ", "").replaceFirst("^0[xX]", "").toUpperCase(Locale.ROOT);
        String fingerprint = HexFormat.of().withUpperCase().formatHex(key.getPublicKey().getFingerprint());
        return !wanted.isEmpty() && fingerprint.endsWith(wanted);
    }
}
