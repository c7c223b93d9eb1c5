package org.afyadial.clinical;

import com.mongodb.client.MongoCollection;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.clinical.LabResults.LabResult;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.sms.MessageKind;
import org.afyadial.sms.Outbox;
import org.afyadial.sms.SmsPreferences;
import org.afyadial.sms.SmsRequest;
import org.afyadial.sms.SmsTemplates;
import org.afyadial.store.Store;
import org.afyadial.system.ProblemException;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Lab orders and their results. When the last test of an order gets its result the order becomes RESULTED, once,
 * and the patient (if they take SMS) is told the results are ready at the clinic: never the result itself.
 */
@Singleton
class LabOrders {

    static final String TARGET = "lab-order";
    static final String RESULTS_READY_TEMPLATE = "lab-results-ready";

    static final class LabOrderNotFound extends ProblemException {
        LabOrderNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "No lab order " + id);
        }
    }

    static final class TestNotOrdered extends ProblemException {
        TestNotOrdered(String test) {
            super(HttpStatus.BAD_REQUEST, "test", "'" + test + "' is not a test of this order");
        }
    }

    static final class ConsultationOfAnotherPatient extends ProblemException {
        ConsultationOfAnotherPatient() {
            super(HttpStatus.BAD_REQUEST, "consultationId", "the consultation is not this patient's");
        }
    }

    /** An order with the results recorded so far. */
    @Serdeable
    record LabOrderView(LabOrder order, List<LabResult> results) {
    }

    private final LabOrderRepository repository;
    private final MongoCollection<Document> orders;
    private final LabResults results;
    private final Consultations consultations;
    private final PatientService patients;
    private final Outbox outbox;
    private final SmsPreferences preferences;
    private final SmsTemplates templates;
    private final AuditTrail audit;
    private final Clock clock;

    LabOrders(LabOrderRepository repository, Store store, LabResults results, Consultations consultations,
              PatientService patients, Outbox outbox, SmsPreferences preferences, SmsTemplates templates, AuditTrail audit,
              Clock clock) {
        this.repository = repository;
        this.orders = store.collection(LabOrder.COLLECTION);
        this.results = results;
        this.consultations = consultations;
        this.patients = patients;
        this.outbox = outbox;
        this.preferences = preferences;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    LabOrder order(NewLabOrder details, String doctor) {
        Patient patient = patients.get(details.patientId());
        Optional.ofNullable(details.consultationId()).map(consultations::get)
                .filter(c -> !c.patientId().equals(patient.id()))
                .ifPresent(c -> {
                    throw new ConsultationOfAnotherPatient();
                });
        TreeSet<String> distinct = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> tests = details.tests().stream().map(String::strip).filter(distinct::add).toList();
        LabOrder saved = repository.save(new LabOrder(null, patient.id(), doctor, details.consultationId(), tests,
                LabOrder.Status.OPEN, clock.instant(), null));
        audit.record("lab-order.create", TARGET, saved.id(), patient.id());
        return saved;
    }

    /** Orders still waiting for results, oldest first unless the page asks for another order. */
    Page<LabOrder> open(Pageable pageable) {
        return repository.inStatus(LabOrder.Status.OPEN, pageable.isSorted() ? pageable : pageable.order(Sort.Order.asc("createdAt")));
    }

    LabOrderView get(String id) {
        LabOrder order = find(id);
        return new LabOrderView(order, results.ofOrder(order.id()));
    }

    /** Records (or, with a reason, corrects) one test's result; the last result of the order tells the patient. */
    LabOrderView record(String orderId, LabResultEntry entry, String by) {
        LabOrder order = find(orderId);
        String test = order.test(entry.test()).orElseThrow(() -> new TestNotOrdered(entry.test()));
        Instant now = clock.instant();
        if (entry.correction()) {
            results.correct(order, test, entry, by, now);
            audit.record("lab-result.correct", TARGET, order.id(), order.patientId());
        } else {
            results.record(order, test, entry, by, now);
            audit.record("lab-result.record", TARGET, order.id(), order.patientId());
            if (results.countOfOrder(order.id()) == order.tests().size() && markResulted(order, now)) {
                tellResultsReady(patients.get(order.patientId()), order);
            }
        }
        return get(order.id());
    }

    private LabOrder find(String id) {
        return (ObjectId.isValid(id) ? repository.findById(id) : Optional.<LabOrder>empty()).orElseThrow(() -> new LabOrderNotFound(id));
    }

    /** OPEN to RESULTED in one conditional write: of two last results recorded at once, one tells the patient. */
    private boolean markResulted(LabOrder order, Instant now) {
        return orders.updateOne(and(eq("_id", new ObjectId(order.id())), eq("status", LabOrder.Status.OPEN.name())),
                combine(set("status", LabOrder.Status.RESULTED.name()), set("resultedAt", Date.from(now)))).getModifiedCount() == 1;
    }

    private void tellResultsReady(Patient patient, LabOrder order) {
        if (!preferences.wants(patient, MessageKind.RESULTS_READY)) {
            return;
        }
        String language = patient.language().name();
        outbox.queue(SmsRequest.now("lab-results:" + order.id(), patient.id(), patient.phone(), language,
                templates.render(language, RESULTS_READY_TEMPLATE, Map.of()), MessageKind.RESULTS_READY));
    }
}
