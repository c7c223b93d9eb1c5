package org.afyadial.imports;

import java.nio.charset.StandardCharsets;

/** Files of the healthcare dataset format made to a size, for the tests of uploads and their limits. */
final class ImportFiles {

    private static final String HEADER = "Name,Age,Gender,Blood Type,Medical Condition,Date of Admission,Doctor,Hospital,"
            + "Insurance Provider,Billing Amount,Room Number,Admission Type,Discharge Date,Medication,Test Results\n";
    private static final String ROW = "zAwAdi oTieno,41,Female,O+,Diabetes,2024-03-01,Amina Njeri,Aga Khan Hospital,Jubilee,"
            + "1200.50,101,Elective,2024-03-05,Metformin,Normal\n";

    private ImportFiles() {
    }

    /** The header and one valid row {@code rows} times: a large file that imports one admission. */
    static byte[] oneRowRepeated(int rows) {
        return (HEADER + ROW.repeat(rows)).getBytes(StandardCharsets.UTF_8);
    }
}
