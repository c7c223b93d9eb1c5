package org.afyadial.patients;

/** The ABO/Rh blood types a record may carry. */
public final class BloodTypes {

    public static final String PATTERN = "^(A|B|AB|O)[+-]$";

    private BloodTypes() {
    }
}
