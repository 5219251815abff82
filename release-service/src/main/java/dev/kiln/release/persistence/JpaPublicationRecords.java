package dev.kiln.release.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.channel.ChannelStorage.StoredFile;
import dev.kiln.release.domain.publication.FeedEntry;
import dev.kiln.release.domain.publication.PackageList;
import dev.kiln.release.domain.publication.PublicationRecords;
import dev.kiln.release.domain.publication.ReleasesFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Feed entries, files and package lists of published releases (published_release, published_arch), and LTS years. */
@ApplicationScoped
public class JpaPublicationRecords implements PublicationRecords {

    private static final TypeReference<Map<String, List<String>>> SOFTWARE = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredFile>> FILES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public JpaPublicationRecords(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public void record(FeedEntry entry, Map<String, List<StoredFile>> filesByArch, Map<String, PackageList> packagesByArch) {
        String version = entry.version().toString();
        int inserted = em.createNativeQuery("""
                insert into published_release (version, channel, arches, published_at, major_software, release_notes, feed_entry)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (version) do nothing""")
                .setParameter(1, version).setParameter(2, entry.channel().id())
                .setParameter(3, String.join(",", entry.architectures())).setParameter(4, entry.releaseDate())
                .setParameter(5, write(entry.majorSoftware())).setParameter(6, entry.releaseNotes())
                .setParameter(7, write(ReleasesFeed.entry(entry))).executeUpdate();
        if (inserted == 0) {
            return;
        }
        for (String arch : entry.architectures()) {
            em.createNativeQuery("insert into published_arch (version, arch, files, packages) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, version).setParameter(2, arch)
                    .setParameter(3, write(filesByArch.getOrDefault(arch, List.of())))
                    .setParameter(4, packagesByArch.getOrDefault(arch, PackageList.empty()).text()).executeUpdate();
        }
    }

    @Override
    public List<FeedEntry> feed() {
        List<?> rows = em.createNativeQuery("""
                select p.version, p.channel, p.arches, p.published_at, p.major_software, p.release_notes
                from published_release p join release r on r.version = p.version
                where r.state in ('published', 'superseded')""").getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new FeedEntry(Version.parse((String) r[0]),
                Channel.ofId((String) r[1]).orElseThrow(), Arrays.asList(((String) r[2]).split(",")),
                JpaOperationStore.instant(r[3]), read((String) r[4], SOFTWARE), (String) r[5])).toList();
    }

    @Override
    public String feedJson() {
        // json (not jsonb) keeps the aggregate's order: newest version first, as ReleasesFeed.all orders it
        return (String) em.createNativeQuery("""
                select coalesce(json_object_agg(p.version, p.feed_entry::json order by r.major desc, r.minor desc, r.patch desc)::text,
                    '{}')
                from published_release p join release r on r.version = p.version
                where r.state in ('published', 'superseded')""").getSingleResult();
    }

    @Override
    public String feedRevision() {
        return (String) em.createNativeQuery("""
                select count(*) || '-' || coalesce(md5(string_agg(p.version, ',' order by p.version)), '')
                from published_release p join release r on r.version = p.version
                where r.state in ('published', 'superseded')""").getSingleResult();
    }

    @Override
    public Map<String, List<StoredFile>> files(Version version) {
        Map<String, List<StoredFile>> out = new LinkedHashMap<>();
        archRows(version).forEach(r -> out.put((String) r[0], read((String) r[1], FILES)));
        return out;
    }

    @Override
    public Map<String, PackageList> packages(Version version) {
        Map<String, PackageList> out = new LinkedHashMap<>();
        archRows(version).forEach(r -> out.put((String) r[0], PackageList.parse((String) r[2])));
        return out;
    }

    @Override
    public Map<Integer, Integer> ltsYears() {
        Map<Integer, Integer> out = new TreeMap<>();
        em.createNativeQuery("select major, year from lts_stream").getResultList()
                .forEach(r -> out.put(((Number) ((Object[]) r)[0]).intValue(), ((Number) ((Object[]) r)[1]).intValue()));
        return out;
    }

    @Override
    public void recordLtsYear(int major, int year) {
        em.createNativeQuery("insert into lts_stream (major, year) values (?1, ?2) on conflict (major) do nothing")
                .setParameter(1, major).setParameter(2, year).executeUpdate();
    }

    @Override
    public Optional<Instant> publishedAt(Version version) {
        List<?> rows = em.createNativeQuery("select published_at from published_release where version = ?1")
                .setParameter(1, version.toString()).getResultList();
        return rows.stream().findFirst().map(JpaOperationStore::instant);
    }

    private List<Object[]> archRows(Version version) {
        return em.createNativeQuery("select arch, files, packages from published_arch where version = ?1 order by arch")
                .setParameter(1, version.toString()).getResultList().stream().map(r -> (Object[]) r).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
