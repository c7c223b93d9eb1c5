package org.afyadial.ussd;

import java.util.List;
import java.util.Map;

/**
 * One screen (or one decision) of a flow. Which fields are set says what kind of state it is:
 * <ul>
 * <li>{@code options}: a menu of fixed choices;</li>
 * <li>{@code list}: choices produced by a named action, paginated, the chosen value saved as {@code saveAs},
 * then {@code next} (fixed {@code options} are appended after the produced ones);</li>
 * <li>{@code input}: typed input checked by {@code input}, saved as {@code saveAs}, then {@code next} or,
 * when {@code action} is set, the action runs and {@code outcomes} maps its outcome;</li>
 * <li>{@code action} alone: a decision, run on entering; {@code outcomes} maps its outcome to the next state;</li>
 * <li>{@code end}: the final screen.</li>
 * </ul>
 *
 * @param id     qualified id {@code flow.state}
 * @param file   the YAML file it comes from, for error messages
 * @param root   a root screen: no back or main-menu, and {@code 00} returns here from deeper screens
 * @param on     ({@code outcomes:} in YAML) outcome of the action to the next state; an outcome mapped to an {@link Outcome#error()} re-prompts
 */
record MenuState(String id, String file, boolean root, boolean end, Localized prompt, List<MenuOption> options,
                 String list, InputRule input, String saveAs, String next, String action,
                 Map<String, Outcome> on, Localized error) {

    /** Where an action outcome leads: another state, or back to the same screen with an error. */
    record Outcome(String target, Localized error) {
    }

    boolean isDecision() {
        return action != null && input == null && list == null && options.isEmpty() && !end;
    }

    boolean isList() {
        return list != null;
    }
}
