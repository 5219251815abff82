package dev.kiln.artifact.persistence;

import dev.kiln.artifact.domain.CachePath;
import dev.kiln.artifact.domain.Digests;
import dev.kiln.artifact.domain.PendingWrite;
import dev.kiln.artifact.domain.WriteJournal;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The write journal in the {@code pending_write} table. */
@ApplicationScoped
public class WriteJournalRepository implements PanacheRepositoryBase<PendingWriteEntity, String>, WriteJournal {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(PendingWrite write) {
        PendingWriteEntity row = new PendingWriteEntity();
        row.writeId = write.writeId();
        row.path = write.path().value();
        row.size = write.digests().size();
        row.md5 = write.digests().md5();
        row.sha1 = write.digests().sha1();
        row.sha256 = write.digests().sha256();
        row.sha512 = write.digests().sha512();
        row.contentType = write.contentType();
        row.uploadedBy = write.uploadedBy();
        row.createdAt = write.createdAt();
        persist(row);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String writeId) {
        return delete("writeId", writeId) > 0;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String writeId) {
        delete("writeId", writeId);
    }

    @Override
    public List<PendingWrite> recordedBefore(Instant cutoff, int limit) {
        return find("createdAt < ?1", Sort.by("createdAt"), cutoff).page(Page.ofSize(limit)).list().stream()
                .map(row -> new PendingWrite(row.writeId, CachePath.parse(row.path),
                        new Digests(row.size, row.md5, row.sha1, row.sha256, row.sha512), row.contentType,
                        row.uploadedBy, row.createdAt))
                .toList();
    }
}
