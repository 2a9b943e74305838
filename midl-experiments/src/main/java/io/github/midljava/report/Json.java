package io.github.midljava.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The project's JSON settings: one {@link Gson} for every result and provenance file.
 *
 * <p>Pretty-printed, so diffs of results are readable; NaN and ±Infinity allowed, because a metric
 * can legitimately be undefined (an SMI spread over one direction) and dropping it would hide that;
 * HTML escaping off, so "±" and "&lt;" stay as written; records supported (Gson 2.10+). {@link
 * Path}, {@link Instant} and {@link Duration} are written as ISO strings, because Gson cannot
 * reflect into {@code java.*} classes on Java 17.
 */
public final class Json {

    private static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .serializeSpecialFloatingPointValues()
                    .disableHtmlEscaping()
                    .registerTypeHierarchyAdapter(
                            Path.class, new StringAdapter<Path>(Path::toString, Paths::get))
                    .registerTypeAdapter(
                            Instant.class, new StringAdapter<>(Instant::toString, Instant::parse))
                    .registerTypeAdapter(
                            Duration.class,
                            new StringAdapter<>(Duration::toString, Duration::parse))
                    .create();

    private Json() {}

    /** Returns the shared, thread-safe {@link Gson} instance. */
    public static Gson gson() {
        return GSON;
    }

    /** Returns {@code value} as pretty-printed JSON. */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /** Parses JSON text into {@code type}. */
    public static <T> T fromJson(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    /** Writes {@code value} to {@code path} as JSON (atomically, UTF-8, trailing newline). */
    public static void write(Path path, Object value) throws IOException {
        AtomicFiles.writeString(path, toJson(value) + "\n");
    }

    /** Reads {@code path} as JSON into {@code type}. */
    public static <T> T read(Path path, Class<T> type) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return GSON.fromJson(reader, type);
        }
    }

    /** Reads {@code path} as JSON into a generic {@code type} (e.g. from a {@code TypeToken}). */
    public static <T> T read(Path path, Type type) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return GSON.fromJson(reader, type);
        }
    }

    /** A value type written as one JSON string. */
    private static final class StringAdapter<T> extends TypeAdapter<T> {

        private final Function<T, String> format;
        private final Function<String, T> parse;

        StringAdapter(Function<T, String> format, Function<String, T> parse) {
            this.format = format;
            this.parse = parse;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(format.apply(value));
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return parse.apply(in.nextString());
        }
    }
}
