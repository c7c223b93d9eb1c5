package org.afyadial.imports;

/** Why a row of an import was not imported; the rejects file names it by its code. */
enum RejectReason {
    MISSING_FIELD,
    UNPARSEABLE_AGE,
    AGE_OUT_OF_RANGE,
    UNKNOWN_GENDER,
    UNKNOWN_BLOOD_TYPE,
    UNPARSEABLE_DATE,
    DISCHARGE_BEFORE_ADMISSION,
    UNPARSEABLE_AMOUNT,
    NEGATIVE_BILL
}
