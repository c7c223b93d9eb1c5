package org.afyadial.clinical;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Brand names, French names, case, accents and a trailing strength all lead to the one generic drug. */
class DrugAliasesTest {

    private static final DrugCatalog CATALOG = new MedicationSafety().catalog();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Panadol                  | paracetamol
            paracétamol              | paracetamol
            Paracetamol 500mg        | paracetamol
            PARACÉTAMOL 1 g          | paracetamol
            Doliprane 1000 mg tablet | paracetamol
            Dextrose 10%             | dextrose
            D10                      | dextrose
            Sérum glucosé 5%         | dextrose
            Augmentin 625            | co-amoxiclav
            amoxicilline 500 mg caps | amoxicillin
            Co-trimoxazole 960mg     | co-trimoxazole
            Septrin                  | co-trimoxazole
            Acide acétylsalicylique  | aspirin
            Dépakine 200mg           | valproate
            Viagra                   | sildenafil
            Kaletra                  | lopinavir-ritonavir
            """)
    void writtenNamesResolveToTheGenericDrug(String written, String generic) {
        assertEquals(generic, CATALOG.resolve(written).orElseThrow(() -> new AssertionError(written + " not resolved")).name());
    }
}
