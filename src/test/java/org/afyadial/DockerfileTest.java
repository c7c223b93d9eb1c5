package org.afyadial;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image, read from its Dockerfile where no Docker engine runs: the benchmarks' JDK, a non-root user that owns
 * the data directory, which is a volume, and a health check with a tool the image has.
 */
class DockerfileTest {

    /** The Java major version the benchmarks are measured on. */
    private static final int BENCHMARK_JAVA = 25;

    private final List<String> lines = read();

    private static List<String> read() {
        try {
            return Files.readAllLines(Path.of("Dockerfile")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instructions of the image that runs: those after the last FROM. */
    private List<String> runtimeStage() {
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return lines.subList(from, lines.size());
    }

    private Optional<String> argument(String instruction) {
        return runtimeStage().stream().filter(line -> line.startsWith(instruction + " "))
                .map(line -> line.substring(instruction.length() + 1).strip()).reduce((first, last) -> last);
    }

    @Test
    void bothStagesRunTemurinOfTheBenchmarksJavaVersion() {
        List<String> images = lines.stream().filter(line -> line.startsWith("FROM ")).map(line -> line.split("\\s+")[1]).toList();
        assertEquals(2, images.size(), images.toString());
        images.forEach(image -> assertTrue(image.startsWith("eclipse-temurin:" + BENCHMARK_JAVA + "-"), image));
        assertTrue(images.getLast().contains("-jre"), "the image runs a JRE: " + images.getLast());
    }

    @Test
    void aNonRootUserOwnsTheDataDirectoryWhichIsAVolume() {
        String user = argument("USER").orElseThrow(() -> new AssertionError("no USER: the service would run as root"));
        assertTrue(!user.equals("root") && !user.equals("0"), user);
        String dataDir = argument("ENV").filter(env -> env.startsWith("AFYADIAL_DATA_DIR="))
                .map(env -> env.substring("AFYADIAL_DATA_DIR=".length())).orElseThrow();

        assertTrue(runtimeStage().stream().anyMatch(line -> line.startsWith("RUN ") && line.contains("mkdir")
                && line.contains(dataDir) && line.contains("chown " + user + ":")), "the data directory is created and owned by " + user);
        assertEquals(Optional.of(dataDir), argument("VOLUME"));
        assertTrue(runtimeStage().indexOf("VOLUME " + dataDir) < runtimeStage().indexOf("USER " + user),
                "declared after it is created, or the volume starts out owned by root");
    }

    @Test
    void theHealthCheckAsksTheHealthEndpointWithAToolTheImageHas() {
        String check = argument("HEALTHCHECK").orElseThrow();
        String base = lines.stream().filter(line -> line.startsWith("FROM ")).reduce((first, last) -> last).orElseThrow();
        // BusyBox's wget is in every Alpine image; other bases would need curl or wget installed
        assertTrue(base.contains("alpine") && check.contains("wget "), check);
        assertTrue(check.contains("http://127.0.0.1:8080/health"), check);
    }
}
