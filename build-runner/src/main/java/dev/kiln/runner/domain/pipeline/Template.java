package dev.kiln.runner.domain.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A string with {@code ${name}} placeholders, parsed once at load. {@code $$} is a literal {@code $}.
 * Names are identifiers with dotted parts: {@code version}, {@code params.registry}, {@code steps.packages.image}.
 */
public final class Template {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_-]+)*");

    private final String source;
    private final List<Object> parts;

    private Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Parses {@code source}; a malformed placeholder is a {@link TemplateException} that says where. */
    public static Template parse(String source) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
            } else if (source.startsWith("$$", i)) {
                literal.append('$');
                i += 2;
            } else if (source.startsWith("${", i)) {
                int end = source.indexOf('}', i + 2);
                if (end < 0) {
                    throw new TemplateException("unclosed '${' at position " + i + " in '" + source + "'");
                }
                String name = source.substring(i + 2, end).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new TemplateException("invalid placeholder '${" + name + "}' in '" + source + "'");
                }
                flush(literal, parts);
                parts.add(new Placeholder(name));
                i = end + 1;
            } else {
                throw new TemplateException("a '$' must start '${name}' or be doubled as '$$' in '" + source + "'");
            }
        }
        flush(literal, parts);
        return new Template(source, List.copyOf(parts));
    }

    /** A template without placeholders. */
    public static Template literal(String text) {
        return new Template(text.replace("$", "$$"), text.isEmpty() ? List.of() : List.of(text));
    }

    private static void flush(StringBuilder literal, List<Object> parts) {
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    /** The placeholder names in order of appearance. */
    public List<String> names() {
        return parts.stream().filter(Placeholder.class::isInstance).map(p -> ((Placeholder) p).name()).toList();
    }

    /** Renders with {@code values}; a name without a value is a {@link TemplateException}. */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder(String name)) {
                String value = values.get(name);
                if (value == null) {
                    throw new TemplateException("no value for '${" + name + "}' in '" + source + "'");
                }
                out.append(value);
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    /** True when every placeholder name is in {@code known}. */
    public boolean usesOnly(Set<String> known) {
        return known.containsAll(names());
    }

    /** The text as written in the definition. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Template t && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    private record Placeholder(String name) {
    }
}
