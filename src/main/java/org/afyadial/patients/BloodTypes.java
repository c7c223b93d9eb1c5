package org.afyadial.patients;

/** The ABO/Rh blood types a record may carry. */
final class BloodTypes {

    static final String PATTERN = "^(A|B|AB|O)[+-]$";

    private BloodTypes() {
    }
}
