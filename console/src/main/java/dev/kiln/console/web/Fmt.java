package dev.kiln.console.web;

import dev.kiln.console.view.Formats;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** {@code {fmt:time(x)}} and friends in templates. */
@TemplateExtension(namespace = "fmt")
public class Fmt {

    static String time(Instant at) {
        return Formats.time(at);
    }

    static String took(Duration d) {
        return Formats.duration(d);
    }

    static String size(Long bytes) {
        return Formats.size(bytes);
    }

    static String iso(String duration) {
        return Formats.isoDuration(duration);
    }

    static String q(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String join(java.util.List<String> values) {
        return values == null || values.isEmpty() ? "-" : String.join(", ", values);
    }
}
