package org.afyadial.clinical;

import java.util.Set;

/** A drug of the rules file: its generic name and the classes it belongs to. */
record Drug(String name, Set<String> classes) {

    /** Whether a rule's drug-or-class name covers this drug. */
    boolean is(String drugOrClass) {
        return name.equals(drugOrClass) || classes.contains(drugOrClass);
    }
}
