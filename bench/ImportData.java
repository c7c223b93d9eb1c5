import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes rows of the healthcare dataset format to standard output for bench/import.sh: a fixed seed, names in random
 * case, hospitals with commas (quoted), and about one row in 180 a duplicate of an earlier one and one in 180 bad
 * (each kind of bad value in turn). Usage: java bench/ImportData.java ROWS SEED
 */
public class ImportData {

    static final String[] FIRST = {"andrew", "leslie", "amina", "otieno", "wanjiru", "kamau", "fatuma", "juma", "grace",
            "peter", "mary", "john", "aisha", "brian", "cynthia", "daniel", "esther", "felix", "halima", "ibrahim"};
    static final String[] LAST = {"watts", "terry", "njoroge", "mwangi", "achieng", "kiptoo", "ochieng", "wambui", "hassan",
            "mutua", "smith", "johnson", "kariuki", "omondi", "chebet", "barasa", "wekesa", "nyambura", "said", "odhiambo"};
    static final String[] CONDITIONS = {"Cancer", "Obesity", "Diabetes", "Asthma", "Hypertension", "Arthritis"};
    static final String[] BLOOD = {"A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"};
    static final String[] HOSPITALS = {"Sons and Miller", "\"Kim, Webb and Co\"", "General", "\"Mbagathi, Ward 3\"", "Coast General"};
    static final String[] INSURERS = {"Blue Cross", "Medicare", "Aetna", "UnitedHealthcare", "Cigna"};
    static final String[] TYPES = {"Urgent", "Emergency", "Elective"};
    static final String[] MEDICATIONS = {"Paracetamol", "Ibuprofen", "Aspirin", "Penicillin", "Lipitor"};
    static final String[] RESULTS = {"Normal", "Abnormal", "Inconclusive"};
    static final String[] BAD = {"age=130", "gender=Robot", "blood=C+", "date=31/02/2024", "discharge-before", "amount=1,0", "amount=-5"};

    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        List<String> written = new ArrayList<>();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        out.println("Name,Age,Gender,Blood Type,Medical Condition,Date of Admission,Doctor,Hospital,Insurance Provider,"
                + "Billing Amount,Room Number,Admission Type,Discharge Date,Medication,Test Results");
        for (int i = 0; i < rows; i++) {
            String row;
            if (i > 0 && i % 180 == 0) {
                row = written.get(random.nextInt(written.size()));
            } else {
                row = row(random, i % 180 == 90 ? BAD[(i / 180) % BAD.length] : "");
                if (written.size() < 10_000) {
                    written.add(row);
                }
            }
            out.println(row);
        }
        out.flush();
    }

    static String row(Random random, String bad) {
        String name = randomCase(random, pick(random, FIRST) + " " + pick(random, LAST) + " " + pick(random, LAST));
        int age = bad.equals("age=130") ? 130 : 1 + random.nextInt(89);
        String gender = bad.equals("gender=Robot") ? "Robot" : random.nextBoolean() ? "Male" : "Female";
        String blood = bad.equals("blood=C+") ? "C+" : pick(random, BLOOD);
        LocalDate admitted = LocalDate.of(2019, 5, 1).plusDays(random.nextInt(1800));
        LocalDate discharged = bad.equals("discharge-before") ? admitted.minusDays(3) : admitted.plusDays(random.nextInt(30));
        String admittedText = bad.equals("date=31/02/2024") ? "31/02/2024" : admitted.toString();
        String amount = switch (bad) {
            case "amount=1,0" -> "\"1,0\"";
            case "amount=-5" -> "-5.25";
            default -> Double.toString(1000 + random.nextDouble() * 49000);
        };
        return String.join(",", name, Integer.toString(age), gender, blood, pick(random, CONDITIONS), admittedText,
                randomCase(random, "dr " + pick(random, LAST)), pick(random, HOSPITALS), pick(random, INSURERS), amount,
                Integer.toString(100 + random.nextInt(400)), pick(random, TYPES), discharged.toString(),
                pick(random, MEDICATIONS), pick(random, RESULTS));
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String randomCase(Random random, String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            s.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return s.toString();
    }
}
