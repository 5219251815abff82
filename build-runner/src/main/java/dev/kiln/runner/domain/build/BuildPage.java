package dev.kiln.runner.domain.build;

import java.util.List;

/** One page of builds, newest first, and how many builds match on all pages. */
public record BuildPage(List<BuildSummary> items, long total) {
}
