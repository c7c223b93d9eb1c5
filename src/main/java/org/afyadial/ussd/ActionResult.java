package org.afyadial.ussd;

import java.util.List;

/**
 * What an action answers: an outcome name (mapped to the next state by the menu's {@code outcomes:}) and,
 * for list actions, the entries to show.
 */
public record ActionResult(String outcome, List<ListItem> items) {

    public static final String OK = "ok";
    /** A list keeps at most this many entries: keys above 97 would collide with {@code 98} (more). */
    public static final int MAX_ITEMS = 97;

    public static ActionResult ok() {
        return new ActionResult(OK, List.of());
    }

    public static ActionResult outcome(String outcome) {
        return new ActionResult(outcome, List.of());
    }

    public static ActionResult items(List<ListItem> items) {
        return new ActionResult(OK, List.copyOf(items));
    }
}
