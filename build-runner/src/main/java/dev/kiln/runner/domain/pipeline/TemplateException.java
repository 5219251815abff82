package dev.kiln.runner.domain.pipeline;

/** A template that cannot be parsed or rendered. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
