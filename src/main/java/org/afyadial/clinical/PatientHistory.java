package org.afyadial.clinical;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.appointments.AppointmentFilter;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.clinical.LabResults.LabResult;
import org.afyadial.patients.PatientService;
import org.afyadial.payments.Bill;
import org.afyadial.payments.BillService;
import org.afyadial.payments.Money;
import org.afyadial.payments.Payment;
import org.afyadial.system.PageOf;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A patient's whole record as one timeline, newest first: appointments, consultations, prescriptions, dispensings,
 * lab orders and results, bills and payments. Each kind is read newest first up to the end of the page asked
 * for, and the kinds are merged: the newest n of the whole are among the newest n of each kind.
 */
@Singleton
class PatientHistory {

    enum Kind { APPOINTMENT, CONSULTATION, PRESCRIPTION, DISPENSING, LAB_ORDER, LAB_RESULT, BILL, PAYMENT }

    /** One event of the timeline; {@code id} is the record to read for the details (the prescription of a dispensing). */
    @Serdeable
    record Entry(Instant at, Kind kind, String id, String summary) {
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at).reversed()
            .thenComparing(Entry::kind).thenComparing(Entry::id);

    /** The newest entries of one kind, and how many of that kind there are. */
    private record Slice(List<Entry> newest, long total) {

        static <T> Slice of(Page<T> page, Function<T, Entry> entry) {
            return new Slice(page.getContent().stream().map(entry).toList(), page.getTotalSize());
        }
    }

    private final PatientService patients;
    private final AppointmentService appointments;
    private final ConsultationRepository consultations;
    private final PrescriptionRepository prescriptions;
    private final Dispensings dispensings;
    private final LabOrderRepository labOrders;
    private final LabResults labResults;
    private final BillService bills;

    PatientHistory(PatientService patients, AppointmentService appointments, ConsultationRepository consultations,
                   PrescriptionRepository prescriptions, Dispensings dispensings, LabOrderRepository labOrders,
                   LabResults labResults, BillService bills) {
        this.patients = patients;
        this.appointments = appointments;
        this.consultations = consultations;
        this.prescriptions = prescriptions;
        this.dispensings = dispensings;
        this.labOrders = labOrders;
        this.labResults = labResults;
        this.bills = bills;
    }

    PageOf<Entry> page(String patientId, Pageable pageable) {
        String id = patients.get(patientId).id();
        long offset = PageOf.offset(pageable.getNumber(), pageable.getSize());
        int limit = (int) Math.min(offset + pageable.getSize(), Integer.MAX_VALUE);
        List<Slice> slices = List.of(appointments(id, limit), consultations(id, limit), prescriptions(id, limit),
                dispensings(id, limit), labOrders(id, limit), labResults(id, limit), billsAndPayments(id));
        List<Entry> items = slices.stream().flatMap(s -> s.newest().stream()).sorted(NEWEST_FIRST)
                .skip(offset).limit(pageable.getSize()).toList();
        return new PageOf<>(items, pageable.getNumber(), pageable.getSize(), slices.stream().mapToLong(Slice::total).sum());
    }

    private Slice appointments(String patientId, int limit) {
        return Slice.of(appointments.search(new AppointmentFilter(null, patientId, null, null, null), newest(limit, "start")),
                a -> new Entry(a.start(), Kind.APPOINTMENT, a.id(), a.reference() + " " + a.specialty() + ": " + a.status()));
    }

    private Slice consultations(String patientId, int limit) {
        return Slice.of(consultations.findByPatientId(patientId, newest(limit, "createdAt")),
                c -> new Entry(c.createdAt(), Kind.CONSULTATION, c.id(), summary(c)));
    }

    private Slice prescriptions(String patientId, int limit) {
        return Slice.of(prescriptions.findByPatientId(patientId, newest(limit, "createdAt")),
                p -> new Entry(p.createdAt(), Kind.PRESCRIPTION, p.id(), p.items().stream()
                        .map(i -> i.drug() + " " + i.dose() + " x" + i.timesPerDay() + "/day, " + i.days() + " days")
                        .collect(Collectors.joining("; "))));
    }

    private Slice dispensings(String patientId, int limit) {
        return new Slice(dispensings.newestOfPatient(patientId, limit).stream()
                .map(d -> new Entry(d.dispensing().dispensedAt(), Kind.DISPENSING, d.prescriptionId(),
                        d.dispensing().drug() + " dispensed (" + d.dispensing().channel() + ")"))
                .toList(), dispensings.countOfPatient(patientId));
    }

    private Slice labOrders(String patientId, int limit) {
        return Slice.of(labOrders.findByPatientId(patientId, newest(limit, "createdAt")),
                o -> new Entry(o.createdAt(), Kind.LAB_ORDER, o.id(), String.join(", ", o.tests()) + ": " + o.status()));
    }

    private Slice labResults(String patientId, int limit) {
        return new Slice(labResults.newestOfPatient(patientId, limit).stream()
                .map(r -> new Entry(r.recordedAt(), Kind.LAB_RESULT, r.orderId(), summary(r)))
                .toList(), labResults.countOfPatient(patientId));
    }

    /** Bills are few per patient: the bills' own list (newest first, capped) with their payments. */
    private Slice billsAndPayments(String patientId) {
        List<Entry> entries = bills.list(patientId, null).stream()
                .flatMap(b -> Stream.concat(Stream.of(new Entry(b.createdAt(), Kind.BILL, b.id(), summary(b))),
                        bills.payments(b.id()).stream().map(p -> new Entry(p.receivedAt(), Kind.PAYMENT, p.id(), summary(p)))))
                .toList();
        return new Slice(entries, entries.size());
    }

    private static Pageable newest(int limit, String field) {
        return Pageable.from(0, limit, Sort.of(Sort.Order.desc(field)));
    }

    private static String summary(Consultation c) {
        String diagnosis = Optional.ofNullable(c.diagnosis())
                .map(d -> d + Optional.ofNullable(c.icd10()).map(code -> " (" + code + ")").orElse("")).orElse("no diagnosis");
        return diagnosis + "; complaint: " + c.complaint();
    }

    private static String summary(LabResult r) {
        return r.test() + ": " + r.value() + Optional.ofNullable(r.unit()).map(u -> " " + u).orElse("")
                + Optional.ofNullable(r.referenceRange()).map(range -> " (reference " + range + ")").orElse("")
                + (r.abnormal() ? " ABNORMAL" : "") + (r.revision() > 0 ? " corrected" : "");
    }

    private static String summary(Bill b) {
        return "Bill " + b.reference() + ": " + Money.format(b.amountDue(), b.currency()) + ", " + b.status();
    }

    private static String summary(Payment p) {
        return Money.format(p.amount(), p.currency()) + " by " + p.provider() + ": " + p.status();
    }
}
