package dev.kiln.artifact.storage;

import dev.kiln.artifact.config.ArtifactConfig;
import dev.kiln.artifact.domain.ListingEntry;
import dev.kiln.artifact.domain.ObjectChangedException;
import dev.kiln.artifact.domain.ObjectInfo;
import dev.kiln.artifact.domain.PartSink;
import dev.kiln.artifact.domain.ObjectStore;
import dev.kiln.artifact.domain.StagedObject;
import io.minio.CopyObjectArgs;
import io.minio.Directive;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.SourceObject;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectAPIArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.MinioException;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The cache's bytes in one S3 bucket, keyed by cache path, through the MinIO Java SDK. */
@Startup
@ApplicationScoped
public class S3ObjectStore implements ObjectStore {

    private static final int PAGE = 1000;
    private static final Duration DOWNLOAD_URL_EXPIRY = Duration.ofMinutes(1);

    private final S3Clients clients;
    private final StreamStager stager;
    private final StaleUploads staleUploads;
    private final boolean unsignedPayload;

    public S3ObjectStore(S3Clients clients, UploadBuffers buffers, ArtifactConfig config) {
        this.clients = clients;
        this.unsignedPayload = config.upload().unsignedPayload();
        this.stager = new StreamStager(clients, buffers, partSize(config), unsignedPayload);
        this.staleUploads = new StaleUploads(clients);
    }

    private static int partSize(ArtifactConfig config) {
        long size = config.upload().partSize().asLongValue();
        if (size < 5L * 1024 * 1024 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(
                    "kiln.artifact.upload.part-size must be between 5 MiB and 2 GiB, was " + size);
        }
        return (int) size;
    }

    @Override
    public StagedObject stage(String key, String contentType, String writeId, InputStream body, long declaredLength,
            PartSink parts) throws IOException {
        return stager.stage(key, contentType, ObjectHeaders.forObject(contentType, writeId, false), body,
                declaredLength, parts);
    }

    @Override
    public String put(String key, String contentType, String writeId, boolean generated, byte[] data) {
        Http.Headers headers = ObjectHeaders.merge(ObjectHeaders.forObject(contentType, writeId, generated),
                ObjectHeaders.forPart(unsignedPayload, data, data.length));
        return S3Errors.join(clients.async().putObject(PutObjectAPIArgs.builder().bucket(clients.bucket()).object(key)
                .data(data, data.length).contentType(contentType).headers(headers).build()), "store an object").etag();
    }

    /**
     * S3 CopyObject through the SDK, which itself turns a source above 5 GiB into a multipart copy
     * (UploadPartCopy); that path refuses the COPY metadata directive, so the metadata is always given anew.
     */
    @Override
    public String copy(String sourceKey, String targetKey, String contentType, String writeId, boolean generated) {
        return S3Errors.join(clients.async().copyObject(CopyObjectArgs.builder().bucket(clients.bucket()).object(targetKey)
                .source(SourceObject.builder().bucket(clients.bucket()).object(sourceKey).build())
                .metadataDirective(Directive.REPLACE)
                .headers(ObjectHeaders.forObject(contentType, writeId, generated)).build()), "copy an object").etag()
                .replace("\"", "");
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            StatObjectResponse stat = clients.blocking().statObject(StatObjectArgs.builder().bucket(clients.bucket())
                    .object(key).build());
            return Optional.of(new ObjectInfo(key, stat.size(), unquote(stat.etag()), stat.lastModified().toInstant(),
                    stat.contentType(), ObjectHeaders.userMetadata(stat.userMetadata(), ObjectHeaders.WRITE_ID),
                    "true".equals(ObjectHeaders.userMetadata(stat.userMetadata(), ObjectHeaders.GENERATED))));
        } catch (MinioException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.unavailable("read an object's metadata", e);
        }
    }

    /**
     * Reads through a presigned URL with the JDK's HttpURLConnection rather than the SDK: okio reads a socket
     * 8 KiB at a time, while HttpURLConnection reads straight into the caller's (256 KiB) buffer, which cuts the
     * system calls of a large download's S3 leg by an order of magnitude.
     *
     * <p>Pinned to the object the caller stat'ed: If-Match on its ETag; the size S3 reports for what it streams
     * must be the stat's; and once the body has begun, the key must still hold the same write (write id and
     * ETag). On S3 the first alone holds (a GET streams the one version it checked the condition on), and the rest
     * costs a HEAD. S3-compatible stores need not be atomic: S3Proxy's file system store reads a file's size, its
     * ETag and its metadata and opens its bytes by path in separate steps, so a replacement (a rename) between two
     * of them tears a stat or streams new bytes after the old ETag passed. A write id is never reused, so a key that
     * holds it before the GET and after the body began held it all along, and the body is that write's.
     */
    @Override
    public InputStream open(ObjectInfo object, long offset, long length) {
        HttpURLConnection get = conditionalGet(object, offset, length);
        try {
            if (streamedSize(get) != object.size() || !stillHolds(object)) {
                get.disconnect();
                throw new ObjectChangedException(object.key(), object.etag());
            }
            return get.getInputStream();
        } catch (IOException e) {
            get.disconnect();
            throw S3Errors.unavailable("read an object", e);
        }
    }

    private HttpURLConnection conditionalGet(ObjectInfo object, long offset, long length) {
        try {
            HttpURLConnection get = (HttpURLConnection) internalGetUrl(object.key(), DOWNLOAD_URL_EXPIRY).toURL()
                    .openConnection();
            get.setConnectTimeout(10_000);
            get.setReadTimeout(60_000);
            if (object.etag() != null) {
                get.setRequestProperty("If-Match", "\"" + object.etag() + "\"");
            }
            if (offset > 0 || length >= 0) {
                get.setRequestProperty("Range", "bytes=" + offset + "-" + (length >= 0 ? offset + length - 1 : ""));
            }
            int status = get.getResponseCode();
            if (status == 412 || status == 404) {
                get.disconnect();
                throw new ObjectChangedException(object.key(), object.etag());
            }
            if (status != 200 && status != 206) {
                get.disconnect();
                throw S3Errors.unavailable("read an object", new IOException("S3 answered " + status));
            }
            return get;
        } catch (IOException e) {
            throw S3Errors.unavailable("read an object", e);
        }
    }

    /** The whole object's size as S3 reports it for this GET: Content-Length, or a 206's Content-Range total. */
    private static long streamedSize(HttpURLConnection get) throws IOException {
        String range = get.getHeaderField("Content-Range");
        if (get.getResponseCode() == 206 && range != null && range.contains("/")) {
            String total = range.substring(range.lastIndexOf('/') + 1).strip();
            return total.equals("*") ? -1 : Long.parseLong(total);
        }
        return get.getContentLengthLong();
    }

    private boolean stillHolds(ObjectInfo object) {
        return stat(object.key()).filter(now -> Objects.equals(now.writeId(), object.writeId())
                && Objects.equals(now.etag(), object.etag())).isPresent();
    }

    @Override
    public List<ListingEntry> list(String directoryPrefix) {
        List<ListingEntry> entries = new ArrayList<>();
        for (Item item : items(directoryPrefix, false, 0)) {
            String name = item.objectName().substring(directoryPrefix.length());
            if (item.isDir()) {
                entries.add(ListingEntry.directory(stripSlash(name), null));
            } else if (!name.isEmpty()) {
                entries.add(ListingEntry.file(name, item.lastModified().toInstant(), item.size()));
            }
        }
        return entries;
    }

    @Override
    public boolean hasObjectsUnder(String prefix) {
        return !items(prefix, true, 1).isEmpty();
    }

    @Override
    public List<String> childDirectories(String directoryPrefix) {
        return items(directoryPrefix, false, 0).stream().filter(Item::isDir)
                .map(item -> stripSlash(item.objectName().substring(directoryPrefix.length()))).toList();
    }

    @Override
    public void forEachKeyPage(String prefix, Consumer<List<String>> page) {
        List<String> keys = new ArrayList<>(PAGE);
        for (Result<Item> result : clients.blocking().listObjects(ListObjectsArgs.builder().bucket(clients.bucket())
                .prefix(prefix).recursive(true).build())) {
            keys.add(get(result, "list objects").objectName());
            if (keys.size() == PAGE) {
                page.accept(List.copyOf(keys));
                keys.clear();
            }
        }
        if (!keys.isEmpty()) {
            page.accept(List.copyOf(keys));
        }
    }

    @Override
    public void delete(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Iterable<Result<DeleteResult.Error>> results = clients.blocking().removeObjects(RemoveObjectsArgs.builder()
                .bucket(clients.bucket()).objects(keys.stream().map(DeleteRequest.Object::new).toList()).build());
        List<String> failures = new ArrayList<>();
        for (Result<DeleteResult.Error> result : results) {
            DeleteResult.Error error = get(result, "delete objects");
            if (!"NoSuchKey".equals(error.code())) {
                failures.add(error.objectName() + ": " + error.code());
            }
        }
        if (!failures.isEmpty()) {
            throw S3Errors.unavailable("delete objects", new IllegalStateException(String.join(", ", failures)));
        }
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration expiry) {
        try {
            return Optional.of(URI.create(clients.presigner().getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .bucket(clients.bucket()).object(key).method(Http.Method.GET)
                    .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS).build())));
        } catch (MinioException e) {
            throw S3Errors.unavailable("sign a download URL", e);
        }
    }

    private URI internalGetUrl(String key, Duration expiry) {
        try {
            return URI.create(clients.blocking().getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .bucket(clients.bucket()).object(key).method(Http.Method.GET)
                    .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS).build()));
        } catch (MinioException e) {
            throw S3Errors.unavailable("sign a download URL", e);
        }
    }

    @Override
    public int abortStaleUploads(Instant cutoff) {
        return staleUploads.abortStartedBefore(cutoff);
    }

    private List<Item> items(String prefix, boolean recursive, int limit) {
        ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(clients.bucket()).prefix(prefix)
                .recursive(recursive);
        if (!recursive) {
            args.delimiter("/");
        }
        if (limit > 0) {
            args.maxKeys(limit);
        }
        List<Item> items = new ArrayList<>();
        for (Result<Item> result : clients.blocking().listObjects(args.build())) {
            items.add(get(result, "list objects"));
            if (limit > 0 && items.size() >= limit) {
                break;
            }
        }
        return items;
    }

    private static <T> T get(Result<T> result, String operation) {
        try {
            return result.get();
        } catch (MinioException e) {
            throw S3Errors.unavailable(operation, e);
        }
    }

    private static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
