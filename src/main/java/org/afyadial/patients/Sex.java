package org.afyadial.patients;

/** As recorded by the patient: female, male, or another / not said. */
public enum Sex {
    F, M, X
}
