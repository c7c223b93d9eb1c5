package org.afyadial.statistics;

import org.bson.Document;

import java.util.List;

/**
 * The chapters of ICD-10 by the code ranges that name them ({@code E00-E90} is chapter IV, endocrine, nutritional
 * and metabolic diseases): a diagnosis is counted by its chapter, coarse enough for small clinics' numbers to be
 * published. A consultation without a code counts as {@value #UNCODED}.
 */
final class Icd10Chapters {

    static final String UNCODED = "uncoded";
    /** The chapters in order, each named by its range; a code belongs to the last chapter whose first code it reaches. */
    static final List<String> IN_ORDER = List.of("A00-B99", "C00-D48", "D50-D89", "E00-E90", "F00-F99", "G00-G99",
            "H00-H59", "H60-H95", "I00-I99", "J00-J99", "K00-K93", "L00-L99", "M00-M99", "N00-N99", "O00-O99",
            "P00-P96", "Q00-Q99", "R00-R99", "S00-T98", "U00-U99", "V01-Y98", "Z00-Z99", UNCODED);

    private Icd10Chapters() {
    }

    /**
     * The chapter of the code in {@code field} as a store expression: codes are upper case (the API checks them), so
     * comparing the code with the first code of each chapter places it ({@code $switch} is not in the embedded store).
     */
    static Object of(String field) {
        Object code = new Document("$ifNull", List.of(field, ""));
        Object chapter = IN_ORDER.get(IN_ORDER.size() - 2);
        for (int i = IN_ORDER.size() - 3; i >= 0; i--) {
            chapter = new Document("$cond", List.of(new Document("$lt", List.of(code, firstCode(IN_ORDER.get(i + 1)))), IN_ORDER.get(i), chapter));
        }
        return new Document("$cond", List.of(new Document("$lt", List.of(code, firstCode(IN_ORDER.getFirst()))), UNCODED, chapter));
    }

    private static String firstCode(String chapter) {
        return chapter.substring(0, 3);
    }
}
