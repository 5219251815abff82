package dev.kiln.flatcar;

import java.util.List;
import java.util.stream.Collectors;

/** A request whose fields do not fit its kind (a missing or an unused field). */
public class InvalidVersionRequestException extends RuntimeException {

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidVersionRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
