package dev.kiln.cli.http;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** The two JDK clients KilnApi uses, both HTTP/1.1 (an h2c upgrade on a streamed PUT gains nothing). */
final class HttpClients {

    private HttpClients() {
    }

    static HttpClient https() {
        return builder().build();
    }

    /**
     * For http:// URLs only. HttpClient sets up TLS when it is built, even if it never uses it; the default set-up
     * loads every CA certificate of the JDK. This one trusts no certificate at all, so if a server ever redirected
     * it to https the handshake would fail rather than go unchecked.
     */
    static HttpClient plainHttp() {
        try {
            SSLContext trustsNothing = SSLContext.getInstance("TLS");
            trustsNothing.init(new KeyManager[0], new TrustManager[0], null);
            return builder().sslContext(trustsNothing).build();
        } catch (GeneralSecurityException e) {
            return https();
        }
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL);
    }
}
