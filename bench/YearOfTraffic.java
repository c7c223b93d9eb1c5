import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.micronaut.context.ApplicationContext;
import org.afyadial.doctors.DoctorDetails;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.Fee;
import org.afyadial.doctors.WeeklySchedule;
import org.afyadial.doctors.WorkingHours;
import org.afyadial.store.Counters;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a year of one busy clinic's traffic, ending now, into a running AfyaDial's store, for
 * bench/year-of-traffic.sh: {@code java -cp target/afyadial.jar bench/YearOfTraffic.java <mongodb uri>}.
 * Doctors and the patient identifier counter go through the service's own classes; the year's records are written
 * in bulk, in the shapes the service stores them (a booking's claim, appointment, SMS and audit entries, ...).
 * Fixed seed, so every run writes the same records relative to its start. Prints what it wrote, by collection.
 */
public class YearOfTraffic {

    static final int PATIENTS = 20_000;
    static final int DOCTORS = 10;
    static final int APPOINTMENTS_PER_DAY = 60;
    static final int DAYS = 365;
    static final int DAYS_BOOKED_AHEAD = 14;
    static final int STAFF = 12;
    static final int STAFF_ON_SHIFT = 8;
    /** Access tokens last 15 minutes: a 10-hour shift refreshes 40 times. */
    static final int REFRESHES_PER_SHIFT = 40;
    static final ZoneId CLINIC = ZoneId.of("Africa/Nairobi");
    static final int BATCH = 1_000;
    static final String SMS_TEXT = "AfyaDial Clinic: your appointment with Dr %s is on %s at %s. Ref %s. Reply C to cancel, HELP for help.";

    final Random random = new Random(20261203L);
    final Map<String, MongoCollection<Document>> collections = new LinkedHashMap<>();
    final Map<String, List<Document>> pending = new LinkedHashMap<>();
    final Map<String, Long> written = new LinkedHashMap<>();
    final Store store;
    final Instant now = Instant.now();
    long appointments;

    YearOfTraffic(Store store) {
        this.store = store;
    }

    public static void main(String[] args) throws InterruptedException {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "mongodb.uri", args[0], "mongodb.package-names", List.of("org.afyadial"),
                "afyadial.sms.schedule-enabled", false))) {
            List<String[]> doctors = doctors(context.getBean(DoctorService.class));
            long firstIdentifier = context.getBean(Counters.class).nextBlock("patient-identifier", PATIENTS);
            YearOfTraffic year = new YearOfTraffic(context.getBean(Store.class));
            year.write(doctors, firstIdentifier);
            year.awaitExpiredTokensRemoved();
            year.written.forEach((collection, count) -> System.out.printf("%-15s %,9d written, %,9d kept%n",
                    collection, count, year.store.collection(collection).countDocuments()));
        }
    }

    /**
     * The year's refresh tokens ended 12 hours after their issue: the service's expiry sweep deletes them (the
     * script runs it every few seconds); waits for it, so that the store left behind is what retention keeps.
     */
    void awaitExpiredTokensRemoved() throws InterruptedException {
        MongoCollection<Document> tokens = store.collection("refresh_tokens");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (tokens.countDocuments(Filters.lt("expiresAt", Date.from(Instant.now().minusSeconds(1)))) > 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the store's expiry did not delete the expired refresh tokens within 3 minutes");
            }
            Thread.sleep(1_000);
        }
    }

    /** Two services of five doctors, consulting Monday to Saturday 08:00-17:00 in 15-minute slots. */
    static List<String[]> doctors(DoctorService doctors) {
        WeeklySchedule week = new WeeklySchedule(15, Arrays.stream(DayOfWeek.values()).filter(day -> day != DayOfWeek.SUNDAY)
                .map(day -> new WorkingHours(day, LocalTime.of(8, 0), LocalTime.of(17, 0))).toList());
        List<String[]> ids = new ArrayList<>();
        for (String name : List.of("General Medicine", "Maternal Health")) {
            String specialty = doctors.createSpecialty(name).code();
            for (int i = 1; i <= DOCTORS / 2; i++) {
                String id = doctors.create(new DoctorDetails("Daktari", name.substring(0, 1) + i, specialty, null,
                        new Fee(new BigDecimal("1000.00"), "KES"), null, week)).id();
                ids.add(new String[] {id, specialty});
            }
        }
        return ids;
    }

    /** Each doctor as its id and its specialty's code. */
    void write(List<String[]> doctors, long firstIdentifier) {
        Instant yearStart = now.minus(Duration.ofDays(DAYS));
        List<Document> patients = new ArrayList<>(PATIENTS);
        for (int i = 0; i < PATIENTS; i++) {
            // registered over the year, most before it (a clinic's register outlives one year of bookings)
            Instant registered = yearStart.minus(Duration.ofDays(random.nextInt(3 * DAYS))).plus(Duration.ofDays(random.nextInt(DAYS) / 3));
            Document patient = patient(new ObjectId(), "AFD-PT-%06d".formatted(firstIdentifier + i), i, registered);
            patients.add(patient);
            add("patients", patient);
            if (registered.isAfter(yearStart)) {
                String id = patient.getObjectId("_id").toHexString();
                audit("ussd:" + id, "USSD", "patient.create", "patient", id, id, registered);
            }
        }
        LocalDate firstDay = LocalDate.ofInstant(yearStart, CLINIC);
        for (int day = 0; day < DAYS + DAYS_BOOKED_AHEAD; day++) {
            LocalDate date = firstDay.plusDays(day);
            if (date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                // a year of 60 appointments a day, six days a week: 60 x 365 spread over the 313 working days
                int count = APPOINTMENTS_PER_DAY * 7 / 6;
                for (int slot : distinctSlots(count, doctors.size() * 36)) {
                    Instant start = date.atTime(8, 0).plusMinutes(15L * (slot % 36)).atZone(CLINIC).toInstant();
                    appointment(doctors.get(slot / 36), patients.get(random.nextInt(PATIENTS)), start);
                }
            }
            staffDay(date);
        }
        flush();
    }

    private int[] distinctSlots(int count, int slots) {
        return random.ints(0, slots).distinct().limit(count).toArray();
    }

    static Document patient(ObjectId id, String identifier, int n, Instant registered) {
        Date at = Date.from(registered);
        return new Document("_id", id).append("identifier", identifier)
                .append("firstName", "Amani").append("lastName", "Mgonjwa" + n)
                .append("phone", "+2547%08d".formatted(10_000_000 + n))
                .append("birthYear", 1950 + n % 70).append("sex", n % 2 == 0 ? "F" : "M")
                .append("language", List.of("en", "sw", "fr").get(n % 3))
                .append("smsOptIn", true).append("appointmentReminders", true)
                .append("pinHash", "$2a$10$" + "N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy".substring(0, 53))
                .append("phoneInvalid", false).append("searchName", "amani mgonjwa" + n)
                .append("createdAt", at).append("updatedAt", at).append("version", 0L);
    }

    /**
     * A booking as the service writes it: the slot claim, the appointment, its confirmation and two reminders (a
     * third of them also a follow-up text), delivery reports, a reply from a quarter of the patients, and the audit
     * entries of the booking, the staff reading it and its outcome.
     */
    void appointment(String[] doctor, Document patient, Instant start) {
        String doctorId = doctor[0];
        String patientId = patient.getObjectId("_id").toHexString();
        Instant booked = start.minus(Duration.ofHours(26 + random.nextInt(24 * 10)));
        if (booked.isAfter(now)) {
            return;
        }
        ObjectId id = new ObjectId();
        String reference = reference(appointments++);
        boolean past = start.isBefore(now);
        String status = !past ? "CONFIRMED" : List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "NO_SHOW", "CANCELLED").get(random.nextInt(6));
        Instant changed = past ? start.plus(Duration.ofMinutes(30)) : booked;
        add("slot_claims", new Document("_id", doctorId + "|" + start).append("doctorId", doctorId)
                .append("start", Date.from(start)).append("end", Date.from(start.plus(Duration.ofMinutes(15))))
                .append("holder", reference).append("claimedAt", Date.from(booked)));
        add("appointments", new Document("_id", id).append("reference", reference).append("patientId", patientId)
                .append("doctorId", doctorId).append("specialty", doctor[1])
                .append("start", Date.from(start)).append("end", Date.from(start.plus(Duration.ofMinutes(15))))
                .append("status", status).append("reason", "Follow-up visit").append("urgent", false)
                .append("channel", random.nextInt(4) == 0 ? "STAFF" : "USSD")
                .append("createdAt", Date.from(booked)).append("updatedAt", Date.from(changed)).append("version", past ? 2L : 0L));
        String appointmentId = id.toHexString();
        audit("ussd:" + patientId, "USSD", "appointment.book", "appointment", appointmentId, patientId, booked);
        sms("confirmation:" + appointmentId, "APPOINTMENT_CONFIRMATION", patient, booked, reference, start);
        sms("reminder:" + appointmentId + ":24h", "APPOINTMENT_REMINDER", patient, start.minus(Duration.ofHours(24)), reference, start);
        sms("reminder:" + appointmentId + ":2h", "APPOINTMENT_REMINDER", patient, start.minus(Duration.ofHours(2)), reference, start);
        if (random.nextInt(3) == 0) {
            sms("follow-up:" + appointmentId, "STAFF", patient, start.plus(Duration.ofDays(2)), reference, start);
        }
        if (random.nextInt(4) == 0 && booked.plus(Duration.ofHours(1)).isBefore(now)) {
            Instant received = booked.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            if (received.isBefore(now)) {
                add("sms_inbound", new Document("_id", "ATXid_" + new ObjectId().toHexString())
                        .append("phone", patient.getString("phone")).append("to", "21512").append("text", "C")
                        .append("textLength", 1).append("receivedAt", Date.from(received)).append("networkCode", "63902")
                        .append("command", "CONFIRM").append("storedAt", Date.from(received)).append("appointmentId", appointmentId));
                audit("sms:" + patientId, "SMS", "appointment.patient-confirm", "appointment", appointmentId, patientId, received);
            }
        }
        if (past) {
            audit("reception" + random.nextInt(STAFF), "RECEPTIONIST", "appointment.read", "appointment", appointmentId, patientId,
                    start.minus(Duration.ofMinutes(10)));
            audit("reception" + random.nextInt(STAFF), "RECEPTIONIST", "appointment." + status.toLowerCase().replace('_', '-'),
                    "appointment", appointmentId, patientId, changed);
        }
    }

    /** An SMS queued at {@code due}: settled by now (sent, delivered or failed), or still queued when ahead. */
    void sms(String key, String kind, Document patient, Instant due, String reference, Instant start) {
        String text = SMS_TEXT.formatted("Daktari", start.atZone(CLINIC).toLocalDate(), start.atZone(CLINIC).toLocalTime(), reference);
        Document message = new Document("_id", new ObjectId()).append("idempotencyKey", key)
                .append("phone", patient.getString("phone")).append("text", text).append("language", patient.getString("language"))
                .append("encoding", "GSM_7").append("segments", 1).append("kind", kind)
                .append("attempts", 0).append("version", 0L).append("notBefore", Date.from(due))
                .append("createdAt", Date.from(due)).append("patientId", patient.getObjectId("_id").toHexString());
        if (due.isAfter(now)) {
            add("sms_outbox", message.append("status", "QUEUED"));
            return;
        }
        Instant sent = due.plusSeconds(2);
        Instant reported = sent.plusSeconds(5 + random.nextInt(120));
        boolean delivered = random.nextInt(20) != 0;
        message.append("status", delivered ? "DELIVERED" : "FAILED").append("attempts", 1).append("version", 3L)
                .append("messageId", "ATXid_" + new ObjectId().toHexString()).append("sentAt", Date.from(sent))
                .append("updatedAt", Date.from(reported)).append("finishedAt", Date.from(reported));
        add("sms_outbox", delivered ? message.append("deliveredAt", Date.from(reported))
                : message.append("lastError", "delivery failed: DeliveryFailure"));
    }

    /** The staff on shift sign in, refresh their access token through the shift, and sign out; one mistypes. */
    void staffDay(LocalDate date) {
        for (int s = 0; s < STAFF_ON_SHIFT; s++) {
            String user = "reception" + ((date.getDayOfYear() + s) % STAFF);
            Instant signIn = date.atTime(7, 30 + s).atZone(CLINIC).toInstant();
            if (signIn.isAfter(now)) {
                return;
            }
            audit(user, "RECEPTIONIST", "auth.login", "staff", user, null, signIn);
            for (int r = 0; r < REFRESHES_PER_SHIFT; r++) {
                Instant issued = signIn.plus(Duration.ofMinutes(15L * r));
                if (issued.isAfter(now)) {
                    break;
                }
                add("refresh_tokens", new Document("_id", HexFormat.of().formatHex(randomBytes())).append("username", user)
                        .append("revoked", r < REFRESHES_PER_SHIFT - 1).append("issuedAt", Date.from(issued))
                        .append("expiresAt", Date.from(issued.plus(Duration.ofHours(12)))));
                if (r > 0) {
                    audit(user, "RECEPTIONIST", "auth.refresh", "staff", user, null, issued);
                }
            }
        }
        // its failure window (login_failures) is deleted half an hour later, long before the next
        Instant mistyped = date.atTime(7, 29).atZone(CLINIC).toInstant();
        if (mistyped.isBefore(now)) {
            String user = "reception" + (date.getDayOfYear() % STAFF);
            audit(user, "RECEPTIONIST", "auth.login-failed", "staff", user, null, mistyped);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    void audit(String actor, String role, String action, String targetType, String targetId, String patientId, Instant at) {
        add("audit_log", new Document("_id", new ObjectId()).append("actor", actor).append("role", role).append("action", action)
                .append("targetType", targetType).append("targetId", targetId).append("patientId", patientId)
                .append("at", Date.from(at)).append("origin", "127.0.0.1"));
    }

    /** AFD- and five characters of the service's alphabet, distinct for every n below 31^5 (7,919 is prime to 31). */
    static String reference(long n) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        long code = n * 7_919 % 28_629_151L;
        char[] chars = new char[5];
        for (int i = 4; i >= 0; i--) {
            chars[i] = alphabet.charAt((int) (code % 31));
            code /= 31;
        }
        return "AFD-" + new String(chars);
    }

    void add(String collection, Document document) {
        List<Document> batch = pending.computeIfAbsent(collection, name -> new ArrayList<>(BATCH));
        batch.add(document);
        if (batch.size() == BATCH) {
            insert(collection, batch);
        }
    }

    void flush() {
        pending.forEach((collection, batch) -> {
            if (!batch.isEmpty()) {
                insert(collection, batch);
            }
        });
    }

    private void insert(String collection, List<Document> batch) {
        collections.computeIfAbsent(collection, store::collection).insertMany(batch, new InsertManyOptions().ordered(false));
        written.merge(collection, (long) batch.size(), Long::sum);
        batch.clear();
    }
}
