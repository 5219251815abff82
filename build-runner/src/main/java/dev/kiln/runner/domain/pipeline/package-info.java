/** Pipeline definitions: the YAML-shaped spec, its validation, templates and expansion into a DAG of step runs. */
package dev.kiln.runner.domain.pipeline;
