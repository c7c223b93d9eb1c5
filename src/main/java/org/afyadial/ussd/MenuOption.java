package org.afyadial.ussd;

import java.util.Map;

/**
 * A fixed choice on a screen.
 *
 * @param label    what the patient reads
 * @param target   the state it leads to (qualified {@code flow.state})
 * @param set      values stored in the session when chosen
 * @param language when present, the session switches to this language
 */
record MenuOption(Localized label, String target, Map<String, String> set, String language) {
}
