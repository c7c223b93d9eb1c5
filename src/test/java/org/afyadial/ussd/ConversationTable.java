package org.afyadial.ussd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A USSD conversation written as a table ({@code .psv}): one row per hop, what the phone types, then the answer
 * expected in each language (a Java regex matched from the start); blank lines and {@code #} comments are skipped.
 */
public final class ConversationTable {

    /** One row: its line in the file, the input, one expected pattern per language. */
    public record Hop(int line, String input, List<String> expected) {

        /** Fails unless {@code answer} starts as this row expects in the language of that index. */
        public void check(String answer, int languageIndex, String language) {
            String pattern = expected.get(languageIndex);
            assertTrue(Pattern.compile("^" + pattern).matcher(answer).find(),
                    () -> "line " + line + ", typed '" + input + "' in " + language + ":\n" + answer
                            + "\n--- expected ---\n" + pattern);
        }
    }

    private ConversationTable() {
    }

    public static List<Hop> read(String resource) throws IOException {
        try (InputStream in = ConversationTable.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Hop> hops = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                hops.add(new Hop(i + 1, cells[0].strip(), List.of(cells[1].strip(), cells[2].strip(), cells[3].strip())));
            }
            return hops;
        }
    }
}
