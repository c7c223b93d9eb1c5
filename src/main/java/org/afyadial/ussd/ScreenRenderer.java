package org.afyadial.ussd;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out screens within the phone's limit. A screen is a head (optional error and the prompt), numbered
 * choices, an optional {@code 98} "more" line and an optional footer. Choices are never split across pages;
 * a label too long for a screen of its own is shortened, and a prompt that does not fit is shortened at a
 * word boundary, so every screen is at most {@code maxChars} whatever the language or the data.
 */
final class ScreenRenderer {

    static final String MORE_KEY = "98";
    private static final String ELLIPSIS = "...";

    private final int maxChars;

    ScreenRenderer(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Choices {@code [from, to)} of a list, and whether a {@code 98} line leads further. */
    record Page(int from, int to, boolean more) {
    }

    /** Splits choices into pages; the same inputs always give the same pages, so keys stay valid between hops. */
    List<Page> paginate(String prompt, List<String> labels, String moreLabel, String footer) {
        List<Page> pages = new ArrayList<>();
        int from = 0;
        do {
            int budget = choiceBudget(prompt, footer);
            int used = 0;
            int to = from;
            while (to < labels.size()) {
                int line = choiceLine(to, labels.get(to), budget, moreLabel).length() + 1;
                boolean last = to == labels.size() - 1;
                int moreLine = last ? 0 : MORE_KEY.length() + 2 + moreLabel.length() + 1;
                if (to > from && used + line + moreLine > budget) {
                    break;
                }
                used += line;
                to++;
            }
            pages.add(new Page(from, to, to < labels.size()));
            from = to;
        } while (from < labels.size());
        return pages;
    }

    /**
     * One screen: the head, then {@code labels} numbered from {@code firstIndex + 1}, then the "more" line
     * when {@code more} is set, then the footer (null for none).
     */
    String render(String error, String prompt, List<String> labels, int firstIndex, boolean more, String moreLabel,
                  String footer) {
        int budget = choiceBudget(prompt, footer);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            lines.add(choiceLine(firstIndex + i, labels.get(i), budget, moreLabel));
        }
        if (more) {
            lines.add(MORE_KEY + ". " + moreLabel);
        }
        if (footer != null) {
            lines.add(footer);
        }
        String tail = String.join("\n", lines);
        String head = error == null || error.isEmpty() ? prompt : prompt.isEmpty() ? error : error + " " + prompt;
        int room = maxChars - tail.length() - (tail.isEmpty() || head.isEmpty() ? 0 : 1);
        String shortHead = shorten(head, room);
        String screen = shortHead.isEmpty() ? tail : tail.isEmpty() ? shortHead : shortHead + "\n" + tail;
        return shorten(screen, maxChars);
    }

    /** Room for choice lines on a page: what the footer leaves, keeping part of the screen for the prompt. */
    private int choiceBudget(String prompt, String footer) {
        int footerLength = footer == null ? 0 : footer.length() + 1;
        int promptReserve = Math.min(prompt.length(), maxChars / 3) + 1;
        return Math.max(maxChars / 4, maxChars - footerLength - promptReserve);
    }

    /** A label is shortened only when it could not share a page with the "more" line. */
    private static String choiceLine(int index, String label, int budget, String moreLabel) {
        String key = (index + 1) + ". ";
        int moreLine = MORE_KEY.length() + 2 + moreLabel.length() + 1;
        return key + shorten(label, budget - key.length() - moreLine - 1);
    }

    /** The text itself if it fits, else cut at the last space before the limit, with an ellipsis. */
    static String shorten(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        if (limit <= ELLIPSIS.length()) {
            return "";
        }
        String cut = text.substring(0, limit - ELLIPSIS.length());
        int space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
        if (space > cut.length() / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + ELLIPSIS;
    }
}
