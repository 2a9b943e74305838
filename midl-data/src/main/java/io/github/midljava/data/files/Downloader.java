package io.github.midljava.data.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Downloads one URL into a file, all or nothing: the bytes go to a temporary file next to the
 * target, are checked against the expected checksum, and only then is the temporary file moved onto
 * the target with {@link StandardCopyOption#ATOMIC_MOVE}. On any failure the temporary file is
 * deleted, so the target either does not exist or is complete and verified.
 *
 * <p>Supports {@code http}, {@code https} (redirects followed, except from https to http) and any
 * scheme {@link java.net.URL} can open, such as {@code file}.
 */
public final class Downloader {

    private static final System.Logger LOG = System.getLogger(Downloader.class.getName());

    private final Duration timeout;
    private HttpClient http;

    /** Creates a downloader with a 30 s connect and response-header timeout. */
    public Downloader() {
        this(Duration.ofSeconds(30));
    }

    /**
     * Creates a downloader whose connection and wait for the response headers each time out after
     * {@code timeout}; the transfer itself has no time limit (the archives are up to 180 MB).
     */
    public Downloader(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    /**
     * Downloads {@code url} to {@code target} and returns the file's SHA-256 (lowercase hex).
     *
     * @param expected the checksum the bytes must have, or {@code null} to accept any
     * @throws IOException if the transfer fails, the server answers other than 200, fewer bytes
     *     arrive than announced, or the checksum does not match; the message says which
     */
    public String download(URI url, Path target, Checksum expected) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            LOG.log(System.Logger.Level.INFO, "downloading " + url + " to " + target);
            MessageDigest sha256 = FileHasher.newDigest(Checksum.SHA_256);
            MessageDigest other =
                    expected == null || expected.isSha256()
                            ? null
                            : FileHasher.newDigest(expected.algorithm());
            long received;
            try (Body body = open(url);
                    OutputStream out = Files.newOutputStream(tmp)) {
                received = copy(body.in, out, sha256, other);
                if (body.length.isPresent() && body.length.getAsLong() != received) {
                    throw new IOException(
                            "incomplete download: got "
                                    + received
                                    + " of "
                                    + body.length.getAsLong()
                                    + " bytes");
                }
            }
            String sha = Checksum.toHex(sha256.digest());
            if (expected != null) {
                String actual = other == null ? sha : Checksum.toHex(other.digest());
                if (!actual.equals(expected.hex())) {
                    throw new IOException(
                            "checksum mismatch: expected "
                                    + expected
                                    + ", got "
                                    + actual
                                    + " ("
                                    + received
                                    + " bytes)");
                }
            }
            FilePermissions.makeReadable(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return sha;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest a, MessageDigest b)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            a.update(buffer, 0, n);
            if (b != null) {
                b.update(buffer, 0, n);
            }
            total += n;
        }
        return total;
    }

    private Body open(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Body(url.toURL().openStream(), OptionalLong.empty());
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode());
        }
        return new Body(response.body(), response.headers().firstValueAsLong("Content-Length"));
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http =
                    HttpClient.newBuilder()
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
        }
        return http;
    }

    /** An open response body and its announced length, if any. */
    private record Body(InputStream in, OptionalLong length) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
