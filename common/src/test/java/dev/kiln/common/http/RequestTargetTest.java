package dev.kiln.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/versions?page=0&size=50", "/api/v1/versions/4593.2.5", "/cache/stable/amd64-usr/current/version.txt",
            "/api/v1/versions?branch=flatcar-4593%2Fmain", "/api/v1/builds?q=%C3%A9t%C3%A9", "/api/v1/versions?x=%e2%82%ac"})
    void acceptsOrdinaryTargets(String target) {
        assertThat(RequestTarget.problemWith(target)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/versions?page=%zz", "/api/v1/versions/%", "/api/v1/versions/4593.2.5%2", "/api/v1/versions/a%00b",
            "/api/v1/versions?x=a\u0000b", "/api/v1/versions?x=a\nb", "/api/v1/versions?x=%C0%AF", "/api/v1/versions/%ff%fe",
            "/api/v1/versions?x=%e2%82", "/api/v1/versions/%ED%A0%80"})
    void refusesBadEscapesControlCharactersAndBrokenUtf8(String target) {
        assertThat(RequestTarget.problemWith(target)).isPresent();
    }
}
