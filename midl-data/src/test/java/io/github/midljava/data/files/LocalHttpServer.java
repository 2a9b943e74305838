package io.github.midljava.data.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on 127.0.0.1 serving fixture bytes by path, for download tests without
 * internet. Paths not registered answer 404; {@link #truncate(String)} makes a path announce its
 * full length but send only half.
 */
final class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Boolean> truncated = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code bytes} at {@code path} (starting with '/'). */
    LocalHttpServer serve(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** Makes {@code path} announce its full length but close after half of it. */
    LocalHttpServer truncate(String path) {
        truncated.put(path, true);
        return this;
    }

    /** Returns the base URI, ending in '/'. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Returns how many requests arrived. */
    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = files.get(exchange.getRequestURI().getPath());
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            boolean cut = truncated.containsKey(exchange.getRequestURI().getPath());
            out.write(body, 0, cut ? body.length / 2 : body.length);
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
