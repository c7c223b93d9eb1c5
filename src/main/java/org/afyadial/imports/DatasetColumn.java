package org.afyadial.imports;

import java.util.Locale;

/** The columns of the healthcare dataset format, as its header names them (matched ignoring case and spaces around). */
enum DatasetColumn {
    NAME("Name"),
    AGE("Age"),
    GENDER("Gender"),
    BLOOD_TYPE("Blood Type"),
    MEDICAL_CONDITION("Medical Condition"),
    DATE_OF_ADMISSION("Date of Admission"),
    DOCTOR("Doctor"),
    HOSPITAL("Hospital"),
    INSURANCE_PROVIDER("Insurance Provider"),
    BILLING_AMOUNT("Billing Amount"),
    ROOM_NUMBER("Room Number"),
    ADMISSION_TYPE("Admission Type"),
    DISCHARGE_DATE("Discharge Date"),
    MEDICATION("Medication"),
    TEST_RESULTS("Test Results");

    private final String header;

    DatasetColumn(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    boolean named(String headerName) {
        return header.toLowerCase(Locale.ROOT).equals(headerName.trim().toLowerCase(Locale.ROOT));
    }
}
