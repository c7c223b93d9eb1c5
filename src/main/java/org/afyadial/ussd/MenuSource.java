package org.afyadial.ussd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A menu file's name and YAML text, read from a directory or from the {@code ussd-menus/} folder of the classpath. */
record MenuSource(String file, String yaml) {

    static final String CLASSPATH_FOLDER = "ussd-menus";

    static List<MenuSource> fromDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<MenuSource> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new MenuSource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the menus in " + dir.toAbsolutePath(), e);
        }
    }

    static List<MenuSource> fromClasspath(ClassLoader loader) {
        URL folder = loader.getResource(CLASSPATH_FOLDER);
        if (folder == null) {
            throw new IllegalStateException("No " + CLASSPATH_FOLDER + "/ on the classpath");
        }
        try {
            if (folder.getProtocol().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(folder.toURI(), Map.of())) {
                    return fromDirectory(jar.getPath(CLASSPATH_FOLDER));
                }
            }
            return fromDirectory(Path.of(folder.toURI()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list " + folder, e);
        }
    }
}
