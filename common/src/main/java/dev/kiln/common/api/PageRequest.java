package dev.kiln.common.api;

import dev.kiln.common.problem.ProblemException;

/** A validated page request: page from 0, size from 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("invalid-page", "page must be 0 or more, was " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("invalid-page", "size must be between 1 and " + MAX_SIZE + ", was " + s);
        }
        return new PageRequest(p, s);
    }
}
