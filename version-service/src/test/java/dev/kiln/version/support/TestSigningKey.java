package dev.kiln.version.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/** A throw-away OpenPGP key for tests: written as an armoured secret key file (like Flatcar's SIGNING_KEY). */
public final class TestSigningKey {

    public static final String PASSPHRASE = "kiln-test-passphrase";
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private TestSigningKey() {
    }

    /** Generates an RSA signing key for "Kiln Test Signer" and writes it, passphrase-protected, to {@code file}. */
    public static Path write(Path file) {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            PGPKeyPair pair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), new Date());
            PGPSecretKey secret = new PGPSecretKey(PGPSignature.DEFAULT_CERTIFICATION, pair, "Kiln Test Signer <signer@kiln.test>",
                    new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), null, null,
                    new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                    new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setProvider(PROVIDER)
                            .build(PASSPHRASE.toCharArray()));
            try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(file))) {
                secret.encode(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code armouredSignature} is a valid signature of {@code payload} by the key in {@code keyFile}. */
    public static boolean verifies(Path keyFile, byte[] payload, String armouredSignature) {
        try (InputStream keyIn = PGPUtil.getDecoderStream(Files.newInputStream(keyFile));
                InputStream sigIn = PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armouredSignature.getBytes(StandardCharsets.US_ASCII)))) {
            PGPPublicKey key = new PGPSecretKeyRingCollection(keyIn, new JcaKeyFingerprintCalculator())
                    .getKeyRings().next().getPublicKey();
            Object read = new org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory(sigIn).nextObject();
            PGPSignature signature = ((org.bouncycastle.openpgp.PGPSignatureList) read).get(0);
            signature.init(new JcaPGPContentVerifierBuilderProvider().setProvider(PROVIDER), key);
            signature.update(payload);
            return signature.verify();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }
}
