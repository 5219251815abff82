package dev.kiln.runner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache access to {@link BuildEntity} rows. */
@ApplicationScoped
public class BuildRepository implements PanacheRepositoryBase<BuildEntity, String> {
}
