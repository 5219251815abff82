package dev.kiln.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceCallsTest {

    private final ServiceCalls calls = new ServiceCalls("version-service", 3, Duration.ofMillis(5));

    @Test
    void aRefusalIsNotRetriedAndCarriesTheProblemType() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> calls.call("POST /api/v1/versions", () -> {
            tries.incrementAndGet();
            throw new WebApplicationException(Response.status(409).type("application/problem+json")
                    .entity("{\"type\":\"https://kiln.dev/problems/version-already-allocated\",\"status\":409}").build());
        })).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.permanent()).isTrue();
            assertThat(e.problemType()).contains("version-already-allocated");
        });
        assertThat(tries).hasValue(1);
    }

    @Test
    void anUnreachableServiceIsRetriedThenReportedWithoutStatus() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> calls.call("GET /api/v1/versions/main-4799.0.0", () -> {
            tries.incrementAndGet();
            throw new ProcessingException(new java.net.ConnectException("Connection refused"));
        })).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("ConnectException: Connection refused");
        });
        assertThat(tries).hasValue(3);
    }

    @Test
    void aServerErrorThatPassesIsRiddenOut() {
        AtomicInteger tries = new AtomicInteger();

        String tag = calls.call("GET /api/v1/versions/stable-4593.2.5", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new WebApplicationException(Response.status(503).build());
            }
            return "stable-4593.2.5";
        });

        assertThat(tag).isEqualTo("stable-4593.2.5");
        assertThat(tries).hasValue(2);
    }

    @Test
    void findAnswersEmptyForA404OnceAndRethrowsAnyOtherRefusal() {
        AtomicInteger tries = new AtomicInteger();

        assertThat(calls.find("GET /api/v1/versions/stable-4593.2.5", () -> "stable-4593.2.5")).contains("stable-4593.2.5");
        assertThat(calls.find("GET /api/v1/versions/stable-4593.9.5", () -> {
            tries.incrementAndGet();
            throw new WebApplicationException(Response.status(404).build());
        })).isEmpty();
        assertThat(tries).as("a 404 is an answer, not retried").hasValue(1);
        assertThatThrownBy(() -> calls.find("GET /api/v1/versions/x", () -> {
            throw new WebApplicationException(Response.status(403).build());
        })).isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
