package dev.kiln.common.api;

import dev.kiln.common.problem.ProblemException;

/**
 * A validated page request: page from 0, size from 1 to {@link #MAX_SIZE}, and an offset (page x size) that a
 * database can take. The one paging parser of every list endpoint: endpoints take {@code page} and
 * {@code size} as text and call {@link #parse}, so {@code ?page=abc} is a 400 problem, not the framework's 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** The largest offset a list may be asked for; beyond it page x size would overflow an int in a query. */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    /** From query parameters as given: absent or blank means the default. */
    public static PageRequest parse(String page, String size) {
        return of(number("page", page), number("size", size));
    }

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw invalid("page must be 0 or more, was " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw invalid("size must be between 1 and " + MAX_SIZE + ", was " + s);
        }
        if ((long) p * s > MAX_OFFSET) {
            throw invalid("page " + p + " of size " + s + " starts beyond the last item any list can hold");
        }
        return new PageRequest(p, s);
    }

    /** The index of this page's first item. */
    public int offset() {
        return page * size;
    }

    private static Integer number(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip();
        if (!digits.matches("-?\\d{1,10}")) {
            throw invalid(name + " must be a whole number, was '" + abbreviate(text) + "'");
        }
        long value = Long.parseLong(digits);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw invalid(name + " is out of range: " + digits);
        }
        return (int) value;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-page", detail);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
