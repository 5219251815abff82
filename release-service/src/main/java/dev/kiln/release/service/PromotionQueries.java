package dev.kiln.release.service;

import dev.kiln.release.domain.promotion.PromotionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Which release requests a sweep passes over. */
@ApplicationScoped
public class PromotionQueries {

    private final PromotionStore store;

    public PromotionQueries(PromotionStore store) {
        this.store = store;
    }

    @Transactional
    public List<String> needingPasses() {
        return store.needingPasses();
    }
}
