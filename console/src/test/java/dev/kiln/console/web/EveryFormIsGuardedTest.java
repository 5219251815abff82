package dev.kiln.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.junit.jupiter.api.Test;

/** Every mutating endpoint of the console takes the form's CSRF token (and its tests show it is checked). */
class EveryFormIsGuardedTest {

    @Test
    void everyPostTakesTheCsrfFormField() {
        List<Method> posts = List.of(BuildPages.class, ChannelPages.class, PromotionPages.class, ReleasePages.class, SignInPages.class).stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods())).filter(m -> m.isAnnotationPresent(POST.class)).toList();

        assertThat(posts).hasSizeGreaterThanOrEqualTo(10).allSatisfy(m -> assertThat(Arrays.stream(m.getParameters())
                .filter(p -> p.isAnnotationPresent(RestForm.class)).map(Parameter::getName)).as(m.toString()).contains("csrf"));
    }
}
